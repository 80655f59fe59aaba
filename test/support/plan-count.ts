import neo4j, { type Driver } from 'neo4j-driver';

/** A bare driver on the suite's database: nothing of an application runs on it, so no plan but the test's is made. */
export function suiteDriver(): Driver {
  return neo4j.driver(process.env.NEO4J_TEST_URI as string, neo4j.auth.basic(process.env.NEO4J_TEST_USER as string, process.env.NEO4J_TEST_PASSWORD as string));
}

/** Empties the plan cache and says how many plans it held (`db.clearQueryCaches()` reports it): plans counted, not timed. */
export async function plansDropped(driver: Driver): Promise<number> {
  const [record] = (await driver.executeQuery('CALL db.clearQueryCaches()')).records;
  const message = String(record?.get(0));
  return /already empty/.test(message) ? 0 : Number(/of (\d+) quer/.exec(message)?.[1] ?? NaN);
}
