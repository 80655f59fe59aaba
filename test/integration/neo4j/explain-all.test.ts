import { startTestApp, type TestApp } from '../../support/test-app';

/** Parameters named in a statement, so EXPLAIN can be given a value for each. */
function parameterNames(statement: string): string[] {
  return [...new Set([...statement.replace(/\/\/.*$/gm, '').matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]))];
}

describe('every Cypher file', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('compiles: EXPLAIN succeeds for each non-migration statement', async () => {
    const names = app.catalog.names().filter((name) => !name.startsWith('migrations/'));
    expect(names.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const name of names) {
      const statement = app.catalog.get(name);
      const params = Object.fromEntries(parameterNames(statement).map((param) => [param, null]));
      try {
        await app.db.readRows(`EXPLAIN ${statement}`, params);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
