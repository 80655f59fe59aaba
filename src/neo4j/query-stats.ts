import { AsyncLocalStorage } from 'node:async_hooks';

/** Database work done on behalf of one GraphQL request. */
export interface QueryStats {
  /** Statements sent to Neo4j (each `run` is one round trip). */
  roundTrips: number;
}

const storage = new AsyncLocalStorage<QueryStats>();

/** Runs `work` with a fresh counter that every query issued inside it increments. */
export function withQueryStats<T>(stats: QueryStats, work: () => T): T {
  return storage.run(stats, work);
}

/** Counts one round trip against the current request, if any. */
export function countRoundTrip(): void {
  const stats = storage.getStore();
  if (stats) stats.roundTrips += 1;
}
