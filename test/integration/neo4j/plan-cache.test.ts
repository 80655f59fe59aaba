import type { Driver } from 'neo4j-driver';
import { NEO4J_SERVER_SETTINGS } from '../../../src/platform/neo4j-server-settings';
import { plansDropped, suiteDriver } from '../../support/plan-count';

/**
 * The server the suite starts keeps one plan per statement text (src/platform/neo4j-server-settings.ts): parameters of
 * other lengths and list sizes reuse it. Counted, not timed: `db.clearQueryCaches()` says how many plans it dropped.
 * A bare driver, so no application statement runs between the two clears.
 */
const ownServer = !process.env.NEO4J_URI;

(ownServer ? describe : describe.skip)('the plan cache of the server the suite starts', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = suiteDriver();
  });
  afterAll(() => driver?.close());

  it('plans a statement once for ids of 1 to 40 characters and lists of 1 to 12 items', async () => {
    expect(NEO4J_SERVER_SETTINGS['internal.cypher.use_parameter_size']).toBe('false');
    await plansDropped(driver);
    const statement = 'UNWIND $ids AS wanted OPTIONAL MATCH (c:Company {id: wanted}) RETURN count(c) AS found, $name AS name // plan-cache test';
    const variants = [
      { ids: ['a'], name: 'x' },
      { ids: ['a', 'b'], name: 'anthropic' },
      { ids: Array.from({ length: 12 }, (_, i) => `company-${i}`), name: 'a name of well over ten characters, forty' },
    ];
    for (const params of variants) await driver.executeQuery(statement, params);
    // With Neo4j's default (sizes in the cache key) these three are three plans: a 1-character string and list, one of
    // 2-9, one of 10 or more.
    expect(await plansDropped(driver)).toBe(1);
  });
});
