import { createDriver } from '../../../src/neo4j/driver';
import { DatabaseUnavailableError } from '../../../src/neo4j/database-unavailable-error';
import { waitForDatabase } from '../../../src/neo4j/wait-for-database';

describe('waitForDatabase', () => {
  it('fails with a readable message naming the URI when nothing listens there', async () => {
    const uri = 'bolt://127.0.0.1:1';
    const driver = createDriver({ uri, user: 'neo4j', password: 'x', maxPoolSize: 1 });
    try {
      const started = Date.now();
      const error = await waitForDatabase(driver, { uri, database: 'neo4j', retries: 2, delayMs: 50 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as Error).message).toMatch(/^Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 after 2 attempts/);
      expect((error as Error).message).not.toMatch(/\n\s+at /);
      expect(Date.now() - started).toBeLessThan(30000);
    } finally {
      await driver.close();
    }
  });

  it('does not retry wrong credentials and says which settings to check', async () => {
    const uri = process.env.NEO4J_TEST_URI as string;
    const driver = createDriver({ uri, user: 'neo4j', password: 'definitely-wrong', maxPoolSize: 1 });
    try {
      const error = await waitForDatabase(driver, { uri, database: 'neo4j', retries: 5, delayMs: 2000 }).catch((e: unknown) => e);
      expect((error as Error).message).toContain('NEO4J_PASSWORD');
    } finally {
      await driver.close();
    }
  });
});
