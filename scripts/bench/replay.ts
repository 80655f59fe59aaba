import type { Driver } from 'neo4j-driver';
import type { RecordedStatement } from '../../src/neo4j/query-stats';

/** Groups statements into the waves the server sent them in (those sent before any other had finished go together). */
export function waves(statements: RecordedStatement[]): RecordedStatement[][] {
  const byWave = new Map<number, RecordedStatement[]>();
  for (const statement of statements) byWave.set(statement.afterCompleted, [...(byWave.get(statement.afterCompleted) ?? []), statement]);
  return [...byWave.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

/**
 * The raw-driver side: each statement in its own read transaction (as our Database does), the statements of a wave
 * concurrently, waves one after another; every record is materialised, as the server must.
 */
export function replayer(driver: Driver, database: string, statements: RecordedStatement[]): () => Promise<number> {
  const grouped = waves(statements);
  const run = async (statement: RecordedStatement) => {
    const session = driver.session({ database, defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run(statement.text, statement.params));
      return result.records.length;
    } finally {
      await session.close();
    }
  };
  return async () => {
    let rows = 0;
    for (const wave of grouped) rows += (await Promise.all(wave.map(run))).reduce((a, b) => a + b, 0);
    return rows;
  };
}
