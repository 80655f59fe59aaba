import type { SessionConfig } from 'neo4j-driver';
import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, ok } from '../domain/helpers';

/**
 * Read-your-own-write behind a routing driver: every session the process opens shares one bookmark manager, so a
 * read that follows a write (the re-read of a record mutation, the next request) waits for that write's bookmark
 * even when a cluster follower serves it. Run over a `neo4j://` URI so the routing driver is the one in use.
 */
describe('read-your-own-write with one bookmark manager shared across sessions', () => {
  let app: TestApp;
  const opened: SessionConfig[] = [];
  beforeAll(async () => {
    app = await startTestApp({ NEO4J_URI: String(process.env.NEO4J_TEST_URI).replace(/^bolt:/, 'neo4j:') });
    const open = app.driver.session.bind(app.driver);
    app.driver.session = (config?: SessionConfig) => {
      opened.push(config ?? {});
      return open(config);
    };
    await app.reset();
    await coreWorld(app);
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it('each write advances the shared bookmarks, and the reads after it (other sessions) see it', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 25; i += 1) {
      opened.length = 0;
      const before = new Set(await app.db.bookmarks.getBookmarks());
      const input = { investorId: 'amazon', investeeId: 'anthropic', announcedOn: '2024-03-27', amountUsd: 1e6 * (i + 1), amountKind: 'PAID', sourceIds: ['src-one'], id: `inv-ryow-${i}` };
      const recorded = await ok(app, 'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id amountUsd } }', { input });
      expect(recorded.recordInvestment).toEqual({ id: `inv-ryow-${i}`, amountUsd: 1e6 * (i + 1) });
      const after = [...(await app.db.bookmarks.getBookmarks())];
      expect(after.length).toBeGreaterThan(0);
      expect(after.some((bookmark) => !before.has(bookmark))).toBe(true);
      for (const bookmark of after) {
        expect(seen.has(bookmark)).toBe(false);
        seen.add(bookmark);
      }
      // The next request opens new sessions: they read the write.
      const read = await ok(app, 'query($id: ID!) { investment(id: $id) { id amountUsd } }', { id: `inv-ryow-${i}` });
      expect(read.investment).toEqual({ id: `inv-ryow-${i}`, amountUsd: 1e6 * (i + 1) });
      // Every session of the write and of the read carried the process's bookmark manager.
      expect(opened.length).toBeGreaterThanOrEqual(2);
      expect(opened.every((config) => config.bookmarkManager === app.db.bookmarks)).toBe(true);
      expect(opened.some((config) => config.defaultAccessMode === 'READ')).toBe(true);
    }
  });

  it('a session opened with the manager\'s bookmarks on another driver reads the write too', async () => {
    await ok(app, 'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }', {
      input: { id: 'inv-ryow-other', investorId: 'amazon', investeeId: 'anthropic', announcedOn: '2024-03-27', amountUsd: 5e6, amountKind: 'PAID', sourceIds: ['src-one'] },
    });
    const session = app.driver.session({ defaultAccessMode: 'READ', bookmarks: [...(await app.db.bookmarks.getBookmarks())] });
    try {
      const result = await session.executeRead((tx) => tx.run("MATCH (i:Investment {id: 'inv-ryow-other'}) RETURN i.amountUsd AS usd"));
      expect(result.records.map((r) => r.get('usd'))).toEqual([5e6]);
    } finally {
      await session.close();
    }
  });
});
