import type http from 'node:http';
import { clientAddressOf } from '../../../src/http/client-address';
import { bookmarksOf } from '../../../src/http/bookmark-header';
import { mapDriverError } from '../../../src/neo4j/map-driver-error';
import { DomainError } from '../../../src/domain/errors';

const request = (peer: string, headers: http.IncomingHttpHeaders = {}) => ({ socket: { remoteAddress: peer }, headers }) as unknown as http.IncomingMessage;

describe('the caller behind X-Forwarded-For', () => {
  const trustingProxies = clientAddressOf([
    { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
    { address: '::1', prefix: 128, family: 'ipv6' },
  ]);

  it('is the peer when the peer is not a trusted proxy, whatever the header says', () => {
    expect(trustingProxies(request('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }))).toBe('203.0.113.9');
    expect(clientAddressOf([])(request('::ffff:127.0.0.1', { 'x-forwarded-for': '198.51.100.1' }))).toBe('127.0.0.1');
  });

  it('is the right-most address no trusted proxy added, so a client cannot prepend its way to another bucket', () => {
    expect(trustingProxies(request('10.0.0.5', { 'x-forwarded-for': '198.51.100.1' }))).toBe('198.51.100.1');
    expect(trustingProxies(request('10.0.0.5', { 'x-forwarded-for': '1.1.1.1, 198.51.100.1, 10.0.0.7' }))).toBe('198.51.100.1');
    expect(trustingProxies(request('::1', { 'x-forwarded-for': ['1.1.1.1', '::ffff:198.51.100.2'] }))).toBe('198.51.100.2');
  });

  it('stops at a hop that is not an address, and is the peer without a header', () => {
    expect(trustingProxies(request('10.0.0.5', { 'x-forwarded-for': '1.1.1.1, unknown' }))).toBe('10.0.0.5');
    expect(trustingProxies(request('10.0.0.5'))).toBe('10.0.0.5');
  });
});

describe('X-Neo4j-Bookmark', () => {
  it('is a list of bookmarks; anything else is BAD_USER_INPUT', () => {
    expect(bookmarksOf(request('::1', { 'x-neo4j-bookmark': 'FB:abc=, FB:def=,FB:abc=' }))).toEqual(['FB:abc=', 'FB:def=']);
    expect(bookmarksOf(request('::1'))).toEqual([]);
    for (const bad of ['', ' , ', 'FB:a b', 'x'.repeat(257), Array.from({ length: 17 }, (_, i) => `FB:${i}`).join(',')]) {
      expect(() => bookmarksOf(request('::1', { 'x-neo4j-bookmark': bad }))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });

  it("Neo4j's bookmark errors become coded ones", () => {
    const codeOf = (code: string) => (mapDriverError({ code }) as DomainError).code;
    expect(codeOf('Neo.TransientError.Transaction.BookmarkTimeout')).toBe('BOOKMARK_TIMEOUT');
    expect(codeOf('Neo.ClientError.Transaction.InvalidBookmark')).toBe('BAD_USER_INPUT');
    expect(codeOf('Neo.ClientError.Transaction.InvalidBookmarkMixture')).toBe('BAD_USER_INPUT');
  });
});
