import { AsyncLocalStorage } from 'node:async_hooks';

/** One statement as it was sent to Neo4j. */
export interface RecordedStatement {
  readonly text: string;
  readonly params: Record<string, unknown>;
  /**
   * How many of the request's statements had finished when this one was sent. Statements with the same value went
   * out together (DataLoader batches resolved in one tick), so a replay can run them concurrently, as the server did.
   */
  readonly afterCompleted: number;
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
  completed?: number;
}

const storage = new AsyncLocalStorage<QueryStats>();

/** Runs `work` with a fresh counter that every query issued inside it increments. */
export function withQueryStats<T>(stats: QueryStats, work: () => T): T {
  return storage.run(stats, work);
}

const nothing = () => undefined;

/**
 * Counts one round trip against the current request, if any, and records the statement when asked to. Call the
 * returned function when the statement's result has arrived.
 */
export function countRoundTrip(text: string, params: Record<string, unknown>): () => void {
  const stats = storage.getStore();
  if (!stats) return nothing;
  stats.roundTrips += 1;
  if (!stats.statements) return nothing;
  stats.statements.push({ text, params, afterCompleted: stats.completed ?? 0 });
  return () => {
    stats.completed = (stats.completed ?? 0) + 1;
  };
}
