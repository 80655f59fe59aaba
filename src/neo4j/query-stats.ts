import { AsyncLocalStorage } from 'node:async_hooks';

/** One statement as it was sent to Neo4j. */
export interface RecordedStatement {
  readonly text: string;
  readonly params: Record<string, unknown>;
}

/** Database work done on behalf of one GraphQL request. */
export interface QueryStats {
  /** Statements sent to Neo4j (each `run` is one round trip). */
  roundTrips: number;
  /**
   * When present, every statement is also kept here, so the benchmark can replay exactly what a GraphQL request
   * sent through the raw driver and PROFILE it; requests in production leave it out and pay nothing for it.
   */
  statements?: RecordedStatement[];
}

const storage = new AsyncLocalStorage<QueryStats>();

/** Runs `work` with a fresh counter that every query issued inside it increments. */
export function withQueryStats<T>(stats: QueryStats, work: () => T): T {
  return storage.run(stats, work);
}

/** Counts one round trip against the current request, if any, and records the statement when asked to. */
export function countRoundTrip(text: string, params: Record<string, unknown>): void {
  const stats = storage.getStore();
  if (!stats) return;
  stats.roundTrips += 1;
  stats.statements?.push({ text, params });
}
