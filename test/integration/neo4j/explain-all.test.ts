import { importSections } from '../../../src/import/import-sections';
import { readDataset, SEED_FILE } from '../../../src/seed/dataset';
import { toInputs } from '../../../src/seed/to-inputs';
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

  it('compiles: EXPLAIN succeeds for every statement the bulk import generates from the fact definitions', async () => {
    const sections = importSections(await toInputs(readDataset(SEED_FILE)), app.catalog);
    const failures: string[] = [];
    let explained = 0;
    for (const section of sections) {
      const statements = { merge: section.merge, refresh: section.refresh?.statement, rules: section.rules, clashes: section.clashes };
      for (const [what, text] of Object.entries(statements)) {
        if (!text) continue;
        explained += 1;
        const params = Object.fromEntries(parameterNames(text).map((param) => [param, null]));
        try {
          await app.db.readRows(`EXPLAIN ${text}`, params);
        } catch (error) {
          failures.push(`${section.name} ${what}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
    expect(explained).toBeGreaterThan(sections.length * 2);
    expect(failures).toEqual([]);
  });
});
