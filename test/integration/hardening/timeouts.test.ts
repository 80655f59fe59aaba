import { importDataset } from '../../../src/import/bulk-import';
import type { Row } from '../../../src/neo4j/database';
import { SEED_FILE } from '../../../src/seed/dataset';
import { startTestApp, type TestApp } from '../../support/test-app';

/** A statement that runs far longer than any timeout here. */
const ENDLESS = 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n';

/** Runs the endless statement through `run`: the error it ends with and how long it took. */
async function stopped(run: (statement: string) => Promise<Row[]>): Promise<{ error: { code?: string; message: string }; elapsed: number }> {
  const started = Date.now();
  const error = await run(ENDLESS).then(
    () => ({ message: 'finished' }),
    (e: unknown) => e as { code?: string; message: string },
  );
  return { error, elapsed: Date.now() - started };
}

describe('transaction timeouts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NEO4J_TX_TIMEOUT_MS: '1000', NEO4J_MAINTENANCE_TX_TIMEOUT_MS: '3000' });
  });
  afterAll(() => app.close());

  it('stops an expensive query within the budget with TIMEOUT, and leaves no transaction running', async () => {
    const { error, elapsed } = await stopped((statement) => app.db.readRows(statement));
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect(error.message).not.toMatch(/UNWIND|Neo\.|bolt/);
    expect(elapsed).toBeLessThan(5000);
    const running = await app.db.readRows('SHOW TRANSACTIONS YIELD currentQuery, status RETURN currentQuery, status');
    expect(running.filter((row) => String(row.currentQuery).includes('range(1, 1000000000)'))).toEqual([]);
  });

  it.each([
    ['writes', (statement: string) => app.db.maintainRows(statement)],
    ['reads', (statement: string) => app.db.inspectRows(statement)],
  ])('bounds maintenance %s (migrations, backfills, imports) by its own timeout, not a request\'s', async (_kind, run) => {
    // On a large graph a start-up backfill's batch outlasts a request's timeout; CI once saw one stop a start.
    const { error, elapsed } = await stopped(run);
    console.log(`maintenance statement stopped after ${elapsed} ms (request timeout 1000, maintenance 3000)`);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect(elapsed).toBeGreaterThanOrEqual(2500);
    expect(elapsed).toBeLessThan(8000);
  });

  it('runs an import, its pre-flight reads included, under the maintenance timeout', async () => {
    // At 100k companies the pre-flight's id lookups once outlasted the 15 s request timeout and stopped an import.
    const tight = await startTestApp({ NEO4J_TX_TIMEOUT_MS: '1', NEO4J_MAINTENANCE_TX_TIMEOUT_MS: '60000' });
    try {
      await app.reset();
      const report = await importDataset(tight.db, tight.catalog, SEED_FILE, { batchSize: 5000, resume: false });
      expect(report.records).toBeGreaterThan(400);
      await expect(tight.db.readRows(ENDLESS)).rejects.toMatchObject({ code: 'TIMEOUT' });
    } finally {
      await tight.close();
      await app.reset();
    }
  });
});
