import { startTestApp, type TestApp } from '../../support/test-app';

describe('transaction timeouts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NEO4J_TX_TIMEOUT_MS: '1000' });
  });
  afterAll(() => app.close());

  it('stops an expensive query within the budget with TIMEOUT, and leaves no transaction running', async () => {
    const started = Date.now();
    const error = await app.db
      .readRows('UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n')
      .catch((e: unknown) => e as { code?: string; message: string });
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect((error as Error).message).not.toMatch(/UNWIND|Neo\.|bolt/);
    expect(elapsed).toBeLessThan(5000);
    const running = await app.db.readRows('SHOW TRANSACTIONS YIELD currentQuery, status RETURN currentQuery, status');
    expect(running.filter((row) => String(row.currentQuery).includes('range(1, 1000000000)'))).toEqual([]);
  });
});
