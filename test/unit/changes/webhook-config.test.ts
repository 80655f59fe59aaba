import { ConfigError, loadConfig } from '../../../src/config';

describe('webhook configuration', () => {
  it('has safe defaults: any public host, 10 s deadline, 72 h of retries from 10 s doubling up to 6 h', () => {
    const { webhooks } = loadConfig({});
    expect(webhooks).toEqual({
      allowedHosts: [],
      timeoutMs: 10000,
      maxResponseBytes: 65536,
      retryMs: 72 * 3600 * 1000,
      backoffBaseMs: 10000,
      backoffMaxMs: 6 * 3600 * 1000,
      pollMs: 500,
      concurrency: 8,
      dispatch: true,
      deliveryLogDays: 30,
    });
    expect(Object.isFrozen(webhooks.allowedHosts)).toBe(true);
  });

  it('parses the allow-list into names, networks and *', () => {
    const { webhooks } = loadConfig({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1, hooks.example.com,*.partner.io,10.0.0.0/8,*', WEBHOOK_RETRY_HOURS: '0.5' });
    expect(webhooks.allowedHosts).toEqual([
      { kind: 'network', address: '127.0.0.1', prefix: 32, family: 'ipv4' },
      { kind: 'name', name: 'hooks.example.com', subdomains: false },
      { kind: 'name', name: 'partner.io', subdomains: true },
      { kind: 'network', address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { kind: 'any' },
    ]);
    expect(webhooks.retryMs).toBe(1800000);
  });

  it.each([
    [{ WEBHOOK_ALLOWED_HOSTS: '10.0.0.0/40' }, 'WEBHOOK_ALLOWED_HOSTS'],
    [{ WEBHOOK_ALLOWED_HOSTS: 'https://hooks.example.com' }, 'WEBHOOK_ALLOWED_HOSTS'],
    [{ WEBHOOK_TIMEOUT_MS: '0' }, 'WEBHOOK_TIMEOUT_MS'],
    [{ WEBHOOK_BACKOFF_MS: '5000', WEBHOOK_BACKOFF_MAX_MS: '1000' }, 'WEBHOOK_BACKOFF_MAX_MS'],
    [{ WEBHOOK_CONCURRENCY: '0' }, 'WEBHOOK_CONCURRENCY'],
    [{ WEBHOOK_RETRY_HOURS: '-1' }, 'WEBHOOK_RETRY_HOURS'],
  ])('refuses %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
