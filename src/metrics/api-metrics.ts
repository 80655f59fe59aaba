import type { Driver } from 'neo4j-driver';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WatchStats } from '../changes/watch-engine';
import cluster from 'node:cluster';
import { joinClusterMetrics } from './cluster-metrics';
import { poolCounts } from './driver-pool';
import { OperationLabels } from './operation-labels';

/** Distinct operation names that get a label of their own (see OperationLabels). */
export const MAX_OPERATION_LABELS = 100;
/**
 * How long the scrape-time ping may take before Neo4j counts as down: a database slower than this to answer `RETURN 1`
 * is not serving requests well either, and the scrape itself must stay well within Prometheus's 10 s default timeout.
 */
export const NEO4J_UP_TIMEOUT_MS = 1000;

/** The operation Apollo resolved for a request. */
export interface ResolvedOperation {
  readonly name: string | null;
}

/** Everything /metrics reports: the server's own series (one registry per server, so servers in one process never share them) and the process's. */
export interface ApiMetrics {
  /** The exposition's content type (Prometheus text format). */
  readonly contentType: string;
  /** The exposition: the process's metrics, then the server's. */
  render(): Promise<string>;
  /** One GraphQL request, finished: its duration and the Cypher statements it sent. */
  observeGraphQL(operation: ResolvedOperation | undefined, seconds: number, roundTrips: number): void;
  /** One error in an answer, by its `extensions.code`. */
  countError(code: unknown): void;
  /** One HTTP answer, by the route that served it (`(none)` when no route matched). */
  countHttp(route: string, method: string | undefined, status: number): void;
  /** One request or WebSocket connection attempt refused by the rate limit. */
  countRateLimited(transport: 'http' | 'websocket'): void;
}

export interface MetricsSources {
  readonly driver: Driver;
  /** Runs a trivial statement against the database. */
  readonly ping: () => Promise<void>;
  /** The change feed's followers, lag and head (absent: no subscriptions served). */
  readonly feed?: () => { followers: number; maxLag: number; head: number };
  /** The watch engine's counts and latest re-answer durations (absent: no watches served). */
  readonly watches?: () => WatchStats;
}

/** The `q` quantile (0..1) of `values` by the nearest-rank rule; 0 for none. */
function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/** Codes are chosen by the server, never by clients; anything unexpected still gets one shared label. */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

async function answersWithin(ping: () => Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const answered = ping().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let processRegistry: Registry | undefined;

/**
 * Node's default metrics (CPU, memory, event-loop lag, GC, handles) belong to the process, not to one server, and each
 * collection installs observers that live as long as the process: they are collected once, however many servers start.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Creates the registry: request, error and round-trip series, the driver's pool, `neo4j_up`, and Node's process metrics. */
export function createApiMetrics(sources: MetricsSources, options: { clustered?: boolean } = {}): ApiMetrics {
  const shared = processMetrics();
  const registry = new Registry();
  const operations = new OperationLabels(MAX_OPERATION_LABELS);

  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a /graphql request to the end of its answer, by operation name (see MAX_OPERATION_LABELS)',
    labelNames: ['operation'],
    buckets: [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const roundTrips = new Histogram({
    name: 'graphql_db_round_trips',
    help: 'Cypher statements sent to Neo4j per /graphql request, by operation name',
    labelNames: ['operation'],
    buckets: [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in /graphql answers by extensions.code (GraphQL errors, and requests refused before GraphQL ran)',
    labelNames: ['code'],
    registers: [registry],
  });
  const http = new Counter({
    name: 'http_requests_total',
    help: 'HTTP answers by route, method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  new Gauge({
    name: 'neo4j_pool_connections',
    help: 'Connections in the Neo4j driver pool, in use or idle, over every server the driver talks to',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.reset();
      const counts = poolCounts(sources.driver);
      if (!counts) return;
      this.set({ state: 'in_use' }, counts.inUse);
      this.set({ state: 'idle' }, counts.idle);
    },
  });
  new Gauge({
    name: 'change_feed_subscribers',
    help: 'Subscriptions following the change log in this process (WebSocket and SSE)',
    registers: [registry],
    collect() {
      this.set(sources.feed?.().followers ?? 0);
    },
  });
  new Gauge({
    name: 'change_feed_max_lag',
    aggregator: 'max',
    help: 'How many changes the furthest-behind subscriber of this process is behind the log',
    registers: [registry],
    collect() {
      this.set(sources.feed?.().maxLag ?? 0);
    },
  });
  new Gauge({
    name: 'change_log_head',
    aggregator: 'max',
    help: 'The last change-log sequence number this process has read',
    registers: [registry],
    collect() {
      this.set(sources.feed?.().head ?? 0);
    },
  });
  new Gauge({
    name: 'watches_held',
    aggregator: 'max',
    help: 'Watches this process holds, and of them those waiting to be answered again',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = sources.watches?.();
      this.set({ state: 'held' }, stats?.watches ?? 0);
      this.set({ state: 'queued' }, stats?.queued ?? 0);
    },
  });
  new Gauge({
    name: 'watch_reanswers',
    help: 'Watch re-answers this process made since it started',
    registers: [registry],
    collect() {
      this.set(sources.watches?.().reanswers ?? 0);
    },
  });
  // A gauge by quantile over the latest re-answers rather than a histogram: the benchmark compares its median with the
  // analytics query's own, which a histogram's buckets would blur.
  new Gauge({
    name: 'watch_reanswer_seconds',
    aggregator: 'max',
    help: 'Duration of this process\'s latest 1,000 watch re-answers (question, reach and commit), by quantile',
    labelNames: ['quantile'],
    registers: [registry],
    collect() {
      const recent = sources.watches?.().recentMs ?? [];
      for (const q of [0.5, 0.95]) this.set({ quantile: String(q) }, quantile(recent, q) / 1000);
    },
  });
  const rateLimited = new Counter({
    name: 'rate_limited_total',
    help: 'Requests (http) and WebSocket connection attempts (websocket) refused by the per-caller rate limit',
    labelNames: ['transport'],
    registers: [registry],
  });
  new Gauge({
    name: 'neo4j_up',
    aggregator: 'min',
    help: `1 when Neo4j answered a ping at scrape time within ${NEO4J_UP_TIMEOUT_MS} ms, else 0`,
    registers: [registry],
    async collect() {
      this.set((await answersWithin(sources.ping, NEO4J_UP_TIMEOUT_MS)) ? 1 : 0);
    },
  });

  // Under node:cluster a scrape reaches one worker, which asks the primary for every worker's series (summed counters,
  // gauges by the aggregator each names: a process-local "head" or "up" is not a sum).
  const ofCluster = options.clustered && cluster.isWorker ? joinClusterMetrics([shared, registry]) : null;
  return {
    contentType: registry.contentType,
    async render() {
      if (ofCluster) return ofCluster();
      const [ofProcess, ofServer] = await Promise.all([shared.metrics(), registry.metrics()]);
      return `${ofProcess}${ofServer}`;
    },
    countRateLimited(transport) {
      rateLimited.inc({ transport });
    },
    observeGraphQL(operation, seconds, trips) {
      const label = operations.label(operation);
      duration.observe({ operation: label }, seconds);
      roundTrips.observe({ operation: label }, trips);
    },
    countError(code) {
      errors.inc({ code: typeof code === 'string' && CODE.test(code) ? code : 'OTHER' });
    },
    countHttp(route, method, status) {
      http.inc({ route, method: method !== undefined && METHODS.has(method) ? method : 'other', status: String(status) });
    },
  };
}
