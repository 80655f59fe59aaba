import { ConfigError, loadConfig } from '../../../src/config';
import { startServer, type RunningServer } from '../../../src/server';
import { startTestApp, testConfig, WRITER_KEY, type TestApp } from '../../support/test-app';
import { postGraphQL, rawRequest } from './raw-request';

const ALLOWED = 'https://app.example.com';
const OTHER = 'https://evil.example.net';

/** The preflight a browser sends before a JSON POST carrying an API key. */
function preflight(base: string, origin: string, headers = 'authorization,content-type') {
  return rawRequest(`${base}/graphql`, 'OPTIONS', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers });
}

describe('CORS on /graphql', () => {
  let app: TestApp;
  let listed: RunningServer;
  let anyReader: RunningServer;
  let sameOriginOnly: RunningServer;
  const base = (server: RunningServer) => server.url.replace(/\/graphql$/, '');

  beforeAll(async () => {
    app = await startTestApp();
    listed = await startServer({ ...app.deps, config: testConfig({ PORT: '0', CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` }) });
    anyReader = await startServer({ ...app.deps, config: testConfig({ PORT: '0', CORS_ORIGINS: `*,${ALLOWED}` }) });
    sameOriginOnly = await startServer({ ...app.deps, config: testConfig({ PORT: '0' }) });
  });
  afterAll(async () => {
    await Promise.all([listed, anyReader, sameOriginOnly].map((server) => server?.stop()));
    await app?.close();
  });

  it('answers the preflight of a listed origin with 204 and what it may send', async () => {
    const answer = await preflight(base(listed), ALLOWED);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(answer.headers.vary).toBe('Origin');
    expect(answer.headers['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
    expect(answer.headers['access-control-allow-headers']?.split(', ')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id', 'x-neo4j-bookmark']),
    );
    expect(Number(answer.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets a listed origin read the answer, its request id and round trips included', async () => {
    const answer = await postGraphQL(base(listed), '{ __typename }', { origin: ALLOWED, authorization: `Bearer ${WRITER_KEY}` });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ data: { __typename: 'Query' } });
    expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(answer.headers['access-control-expose-headers']).toBe('x-request-id, x-db-round-trips, x-neo4j-bookmark, retry-after');
    expect(answer.headers.vary).toBe('Origin');
  });

  it('lets a listed origin read error answers too (a body too large)', async () => {
    const answer = await postGraphQL(base(listed), `{ __typename } # ${'x'.repeat(200_000)}`, { origin: ALLOWED });
    expect(answer.status).toBe(413);
    expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(answer.json().errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses the preflight of an origin not listed with a coded 403 and no CORS headers', async () => {
    for (const server of [listed, sameOriginOnly]) {
      const answer = await preflight(base(server), OTHER);
      expect(answer.status).toBe(403);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers['access-control-allow-headers']).toBeUndefined();
      expect(answer.json().errors?.[0].extensions).toEqual({ code: 'ORIGIN_NOT_ALLOWED' });
    }
    const answer = await postGraphQL(base(listed), '{ __typename }', { origin: OTHER });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('leaves same-origin and non-browser requests as they were', async () => {
    const server = base(sameOriginOnly);
    // A same-origin page's POST carries its own origin; no CORS header is needed or given.
    const sameOrigin = await postGraphQL(server, '{ __typename }', { origin: server });
    const plain = await postGraphQL(server, '{ __typename }');
    for (const answer of [sameOrigin, plain]) {
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual({ data: { __typename: 'Query' } });
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers.vary).toBeUndefined();
    }
    // An OPTIONS that is no preflight says what the path accepts instead of failing CSRF prevention.
    const options = await rawRequest(`${server}/graphql`, 'OPTIONS');
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('GET, POST, OPTIONS');
  });

  it('keeps CSRF prevention: a simple GET or text/plain POST without the preflight header is refused, even from a listed origin', async () => {
    const query = encodeURIComponent('{ __typename }');
    const simpleGet = await rawRequest(`${base(listed)}/graphql?query=${query}`, 'GET', { origin: ALLOWED });
    const simplePost = await rawRequest(`${base(listed)}/graphql`, 'POST', { origin: ALLOWED, 'content-type': 'text/plain' }, JSON.stringify({ query: '{ __typename }' }));
    for (const answer of [simpleGet, simplePost]) {
      expect(answer.status).toBe(400);
      expect(answer.json().errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
    }
    const preflighted = await rawRequest(`${base(listed)}/graphql?query=${query}`, 'GET', { origin: ALLOWED, 'apollo-require-preflight': 'true' });
    expect(preflighted.status).toBe(200);
    expect(preflighted.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('with *, lets any origin read without a key but never send one; listed origins still may', async () => {
    const server = base(anyReader);
    const reading = await preflight(server, OTHER, 'content-type');
    expect(reading.status).toBe(204);
    expect(reading.headers['access-control-allow-origin']).toBe(OTHER);
    expect(reading.headers['access-control-allow-headers']).not.toMatch(/authorization/);
    const answer = await postGraphQL(server, '{ __typename }', { origin: OTHER });
    expect(answer.headers['access-control-allow-origin']).toBe(OTHER);

    const writing = await preflight(server, OTHER);
    expect(writing.status).toBe(403);
    expect(writing.headers['access-control-allow-origin']).toBeUndefined();
    expect(writing.json().errors?.[0].extensions).toEqual({ code: 'ORIGIN_NOT_ALLOWED' });

    const listedWriter = await preflight(server, ALLOWED);
    expect(listedWriter.status).toBe(204);
    expect(listedWriter.headers['access-control-allow-headers']).toMatch(/authorization/);
  });

  it('reads CORS_ORIGINS as origins, and refuses at start-up what could never match an Origin header', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://App.Example.com/, http://localhost:5173,*' }).cors).toEqual({
      origins: ['https://app.example.com', 'http://localhost:5173'],
      anyOriginMayRead: true,
    });
    expect(loadConfig({}).cors).toEqual({ origins: [], anyOriginMayRead: false });
    for (const bad of ['app.example.com', 'https://app.example.com/path', 'ftp://files.example.com', 'null', 'https://app.example.com?x=1']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });
});
