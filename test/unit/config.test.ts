import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('applies documented defaults and freezes the result', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000 });
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
