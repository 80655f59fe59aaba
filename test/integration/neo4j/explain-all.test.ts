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
      // A template is explained in every rendering its slots allow.
      for (const { slots, text } of app.catalog.variants(name)) {
        const params = Object.fromEntries(parameterNames(text).map((param) => [param, null]));
        try {
          await app.db.readRows(`EXPLAIN ${text}`, params);
        } catch (error) {
          failures.push(`${name} ${JSON.stringify(slots)}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
