import type { Driver } from 'neo4j-driver';

/** Connections of the driver's pool, summed over every server it talks to. */
export interface PoolCounts {
  readonly inUse: number;
  readonly idle: number;
}

interface PoolInternals {
  _activeResourceCounts: Record<string, number>;
  _pools: Record<string, { length: number }>;
}

function isPool(value: unknown): value is PoolInternals {
  const pool = value as Partial<PoolInternals> | null | undefined;
  return (
    typeof pool?._activeResourceCounts === 'object' &&
    pool._activeResourceCounts !== null &&
    typeof pool._pools === 'object' &&
    pool._pools !== null &&
    Object.values(pool._pools).every((idle) => typeof idle?.length === 'number')
  );
}

/**
 * Reads the connection pool's in-use and idle counts from the driver's internals. neo4j-driver 6 for JavaScript has
 * no public pool metrics (the Java driver's `Driver.metrics()` has no counterpart), and counting our own sessions
 * would miss idle connections and those the driver opens for routing. So this reads private fields of the pinned
 * version (`driver._connectionProvider._connectionPool`, whose `_activeResourceCounts` the pool itself uses to
 * enforce its size), checks their shape first, and returns undefined when they are not there (no session opened yet,
 * or a driver version that moved them). test/integration/http/metrics.test.ts fails when they move.
 */
export function poolCounts(driver: Driver): PoolCounts | undefined {
  const provider = (driver as unknown as { _connectionProvider?: { _connectionPool?: unknown } | null })._connectionProvider;
  const pool = provider?._connectionPool;
  if (!isPool(pool)) return undefined;
  const inUse = Object.values(pool._activeResourceCounts).reduce((sum, count) => sum + (Number.isFinite(count) ? count : 0), 0);
  const idle = Object.values(pool._pools).reduce((sum, connections) => sum + connections.length, 0);
  return { inUse, idle };
}
