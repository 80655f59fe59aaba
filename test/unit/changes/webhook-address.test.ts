import { parseAllowedHost } from '../../../src/config';
import { HostAllowList, isPublicAddress, normalizeAddress } from '../../../src/changes/webhook-address';
import { parseWebhookUrl, WebhookHttpClient } from '../../../src/changes/webhook-http';

const allow = (...entries: string[]) => new HostAllowList(entries.map(parseAllowedHost));

describe('webhook address checks', () => {
  it.each([
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['198.18.0.1', false],
    ['8.8.8.8', true],
    ['93.184.216.34', true],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd12:3456::1', false],
    ['ff02::1', false],
    ['2001:db8::1', false],
    ['2002:7f00:1::', false],
    ['64:ff9b::a00:1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['not-an-ip', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('reads IPv4-mapped IPv6 addresses as the IPv4 address they map', () => {
    expect(normalizeAddress('::ffff:7f00:1')).toEqual({ address: '127.0.0.1', family: 'ipv4' });
    expect(normalizeAddress('[::ffff:10.0.0.1]')).toEqual({ address: '10.0.0.1', family: 'ipv4' });
    expect(normalizeAddress('2001:4860::8888')).toEqual({ address: '2001:4860::8888', family: 'ipv6' });
  });

  it('with an empty list: any host name, public addresses only', () => {
    const list = allow();
    expect(list.check('hooks.example.com', ['93.184.216.34'])).toEqual({ ok: true });
    expect(list.check('127.0.0.1', ['127.0.0.1'])).toMatchObject({ ok: false, reason: expect.stringContaining('loopback') });
    expect(list.check('localhost', ['127.0.0.1', '::1'])).toMatchObject({ ok: false, reason: expect.stringContaining('localhost resolves to 127.0.0.1') });
    expect(list.check('rebind.example.com', ['93.184.216.34', '10.0.0.5'])).toMatchObject({ ok: false, reason: expect.stringContaining('10.0.0.5') });
    expect(list.check('nothing.example.com', [])).toMatchObject({ ok: false });
  });

  it('a listed address or network lets that private address through, and only it', () => {
    const list = allow('127.0.0.1', '10.20.0.0/16');
    expect(list.check('127.0.0.1', ['127.0.0.1'])).toEqual({ ok: true });
    expect(list.check('127.0.0.2', ['127.0.0.2'])).toMatchObject({ ok: false });
    expect(list.check('10.20.3.4', ['10.20.3.4'])).toEqual({ ok: true });
    expect(list.check('10.21.0.1', ['10.21.0.1'])).toMatchObject({ ok: false });
    // A name whose every address is listed is allowed; a public host is not (the list names no host and no `*`).
    expect(list.check('internal.corp', ['10.20.0.9'])).toEqual({ ok: true });
    expect(list.check('hooks.example.com', ['93.184.216.34'])).toMatchObject({ ok: false, reason: expect.stringContaining('not in WEBHOOK_ALLOWED_HOSTS') });
    // The IPv4-mapped form of a listed address is that address.
    expect(list.check('::ffff:127.0.0.1', ['::ffff:127.0.0.1'])).toEqual({ ok: true });
  });

  it('listed names and subdomains, their addresses still checked', () => {
    const list = allow('hooks.example.com', '*.partner.io');
    expect(list.check('hooks.example.com', ['93.184.216.34'])).toEqual({ ok: true });
    expect(list.check('HOOKS.example.com.', ['93.184.216.34'])).toEqual({ ok: true });
    expect(list.check('a.b.partner.io', ['1.1.1.1'])).toEqual({ ok: true });
    expect(list.check('partner.io', ['1.1.1.1'])).toMatchObject({ ok: false });
    expect(list.check('evil-example.com', ['1.1.1.1'])).toMatchObject({ ok: false });
    // A listed name that resolves to a private address (DNS pointing inside) is refused unless the address is listed.
    expect(list.check('hooks.example.com', ['192.168.0.10'])).toMatchObject({ ok: false, reason: expect.stringContaining('192.168.0.10') });
    expect(allow('*', '192.168.0.0/24').check('anything.test', ['192.168.0.10'])).toEqual({ ok: true });
  });

  it('refuses allow-list entries that are neither names, addresses, networks nor *', () => {
    for (const bad of ['10.0.0.0/33', '::1/129', 'http://x', 'a b', '*.', '10.0.0.0/x', '-bad.com']) expect(() => parseAllowedHost(bad)).toThrow();
    expect(parseAllowedHost('10.0.0.0/8')).toEqual({ kind: 'network', address: '10.0.0.0', prefix: 8, family: 'ipv4' });
    expect(parseAllowedHost('[::1]')).toEqual({ kind: 'network', address: '::1', prefix: 128, family: 'ipv6' });
    expect(parseAllowedHost('*.Example.com')).toEqual({ kind: 'name', name: 'example.com', subdomains: true });
  });

  it.each([
    ['ftp://example.com/x', 'http or https'],
    ['file:///etc/passwd', 'http or https'],
    ['https://user:pw@example.com/', 'user name or password'],
    ['https://example.com/#frag', 'fragment'],
    ['/relative', 'absolute'],
    ['', 'absolute'],
    [`https://example.com/${'a'.repeat(2000)}`, '2000'],
  ])('refuses the URL %s', (url, reason) => {
    const parsed = parseWebhookUrl(url);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('checks every address a host name resolves to (a resolver that answers a private address is refused)', async () => {
    const resolved: Record<string, string[]> = { 'inside.test': ['10.0.0.7'], 'mixed.test': ['8.8.8.8', '127.0.0.1'], 'outside.test': ['8.8.8.8'] };
    const client = new WebhookHttpClient({ allowList: allow(), timeoutMs: 1000, maxResponseBytes: 1000, resolveHost: async (host) => resolved[host] ?? [] });
    await expect(client.checkedAddresses(new URL('https://outside.test/hook'))).resolves.toEqual(['8.8.8.8']);
    await expect(client.checkedAddresses(new URL('https://inside.test/hook'))).rejects.toThrow(/inside\.test resolves to 10\.0\.0\.7/);
    await expect(client.checkedAddresses(new URL('https://mixed.test/hook'))).rejects.toThrow(/127\.0\.0\.1/);
    // Nothing is sent to a refused host: the outcome says refused, with no HTTP status.
    const outcome = await client.send('https://inside.test/hook', { method: 'POST', headers: {}, body: '{}' });
    expect(outcome).toMatchObject({ ok: false, refused: true, status: null });
    // Decimal and hex IPv4 spellings are normalised by the URL parser before the check.
    expect((await client.send('http://2130706433/', { method: 'HEAD', headers: {} })).refused).toBe(true);
    expect((await client.send('http://0x7f.1/', { method: 'HEAD', headers: {} })).refused).toBe(true);
    expect((await client.send('http://[::ffff:127.0.0.1]/', { method: 'HEAD', headers: {} })).refused).toBe(true);
  });
});
