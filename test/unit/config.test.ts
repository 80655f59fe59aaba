import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('applies documented defaults and freezes the result', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000, workers: 1, trustedProxies: [] });
    expect(config.rateLimit).toBeNull();
    expect(config.neo4j.uri).toBe('');
    expect(config.neo4j.database).toBe('neo4j');
    expect(config.managed.baseDir).toBe('/srv/app/.neo4j');
    expect(config.managed.version).toMatch(/^5\.26\.\d+$/);
    expect(config.apiKeys).toEqual([]);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.neo4j)).toBe(true);
    expect(() => {
      (config as { env: string }).env = 'production';
    }).toThrow(TypeError);
  });

  it('reads API_WORKERS as a count or auto, and TRUSTED_PROXIES as addresses and networks', () => {
    expect(loadConfig({ API_WORKERS: '4' }).http.workers).toBe(4);
    expect(loadConfig({ API_WORKERS: 'auto' }).http.workers).toBeGreaterThanOrEqual(1);
    for (const bad of ['0', 'many', '1.5', '257']) expect(() => loadConfig({ API_WORKERS: bad })).toThrow(/API_WORKERS/);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).http.trustedProxies).toEqual([
      { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { address: '::1', prefix: 128, family: 'ipv6' },
    ]);
    expect(loadConfig({ NODE_ENV: 'development', RATE_LIMIT_RPS: '5', RATE_LIMIT_BURST: '10' }).rateLimit).toEqual({ perSecond: 5, burst: 10 });
  });

  it('parses lists and typed values', () => {
    const config = loadConfig({ API_KEYS: ' a, b ,,c', PORT: '8080', NEO4J_URI: 'neo4j://db.internal:7687', SEED_ON_START: 'false' });
    expect(config.apiKeys).toEqual(['a', 'b', 'c']);
    expect(config.http.port).toBe(8080);
    expect(config.neo4j.uri).toBe('neo4j://db.internal:7687');
    expect(config.seedOnStart).toBe(false);
  });

  it.each([
    ['PORT', 'eighty'],
    ['NEO4J_URI', 'http://localhost:7474'],
    ['NEO4J_LOCAL_HEAP_SIZE', 'lots'],
    ['NEO4J_LOCAL_VERSION', '4.4.1'],
    ['NODE_ENV', 'staging'],
  ])('rejects an invalid %s with a readable ConfigError', (name, value) => {
    let thrown: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toContain(name);
  });
});
