import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bool, cleanEnv, makeValidator, num, port, str } from 'envalid';

/** A size Neo4j understands, such as `512m` or `2g`. */
const memorySize = makeValidator<string>((input) => {
  if (!/^\d+[kmg]$/i.test(input)) throw new Error(`expected a size such as 512m or 2g, got "${input}"`);
  return input.toLowerCase();
});

/** Comma-separated list; empty entries are dropped. */
const list = makeValidator<string[]>((input) =>
  input
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/**
 * Browser origins allowed to call the API from their own pages: each `scheme://host[:port]` (normalised as browsers send
 * it in the Origin header), or `*`. An entry with a path, query or anything but http(s) is refused at start-up, since
 * it could never match an Origin header and would silently allow nothing.
 */
const originList = makeValidator<string[]>((input) =>
  input
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((entry) => {
      if (entry === '*') return entry;
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      const originOnly = url && /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
      if (!url || !originOnly) throw new Error(`expected origins such as https://app.example.com (scheme, host and port, no path), or *; got "${entry}"`);
      return url.origin;
    }),
);

/**
 * One entry of WEBHOOK_ALLOWED_HOSTS: `*` (any host name, its addresses still checked), a host name
 * (`hooks.example.com`, or `*.example.com` for its subdomains), or an address or network (`127.0.0.1`, `10.0.0.0/8`,
 * `::1`, `fd00::/8`), which also lets a private or loopback address through.
 */
export type AllowedHost =
  | { readonly kind: 'any' }
  | { readonly kind: 'name'; readonly name: string; readonly subdomains: boolean }
  | { readonly kind: 'network'; readonly address: string; readonly prefix: number; readonly family: 'ipv4' | 'ipv6' };

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Parses one WEBHOOK_ALLOWED_HOSTS entry (the one grammar: the webhook client reads what this returns). */
export function parseAllowedHost(raw: string): AllowedHost {
  const entry = raw.trim().toLowerCase();
  if (entry === '*') return { kind: 'any' };
  const [address, prefixText, ...rest] = entry.replace(/^\[|\]$/g, '').split('/');
  const version = net.isIP(address ?? '');
  if (version !== 0 && rest.length === 0) {
    const max = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!(prefix >= 0 && prefix <= max)) throw new Error(`"${raw}": a network prefix must be 0-${max}`);
    return { kind: 'network', address: address as string, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
  }
  const subdomains = entry.startsWith('*.');
  const name = subdomains ? entry.slice(2) : entry;
  if (!HOST_NAME.test(name)) throw new Error(`"${raw}" is not a host name, an IP address, a CIDR network or *`);
  return { kind: 'name', name, subdomains };
}

const allowedHosts = makeValidator<AllowedHost[]>((input) =>
  input
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map(parseAllowedHost),
);

/** An ISO day (YYYY-MM-DD), or empty. */
const isoDay = makeValidator<string>((input) => {
  if (input !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(input) && new Date(`${input}T00:00:00Z`).toISOString().startsWith(input))) {
    throw new Error(`expected a day such as 2026-12-06, got "${input}"`);
  }
  return input;
});

/** API_WORKERS: a count of processes, or `auto` for one per core the process may use. */
const workerCount = makeValidator<number>((input) => {
  if (input.trim().toLowerCase() === 'auto') return Math.max(1, os.availableParallelism());
  if (!/^\d{1,3}$/.test(input.trim()) || Number(input) < 1 || Number(input) > 256) throw new Error(`expected 1-256 or auto, got "${input}"`);
  return Number(input);
});

/** One TRUSTED_PROXIES entry: an address or a network (`10.0.0.0/8`, `::1`), never a host name (it is matched against the peer's address). */
export interface TrustedNetwork {
  readonly address: string;
  readonly prefix: number;
  readonly family: 'ipv4' | 'ipv6';
}

const networkList = makeValidator<TrustedNetwork[]>((input) =>
  input
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((entry) => {
      const parsed = parseAllowedHost(entry);
      if (parsed.kind !== 'network') throw new Error(`"${entry}" is not an IP address or a CIDR network`);
      return { address: parsed.address, prefix: parsed.prefix, family: parsed.family };
    }),
);

const boltUri = makeValidator<string>((input) => {
  if (input === '') return input;
  if (!/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s]+$/.test(input)) {
    throw new Error(`expected a neo4j:// or bolt:// URI, got "${input}"`);
  }
  return input;
});

/** Settings for the Neo4j server this project runs itself when no NEO4J_URI is given. */
export interface ManagedNeo4jConfig {
  readonly version: string;
  readonly baseDir: string;
  readonly boltPort: number;
  readonly heapSize: string;
  readonly pageCacheSize: string;
  readonly startTimeoutMs: number;
}

/** Every setting the process reads from its environment, validated once. */
export interface AppConfig {
  readonly env: 'development' | 'test' | 'production';
  readonly http: {
    readonly host: string;
    readonly port: number;
    /** Processes serving the port (node:cluster when more than one; see docs/operations.md, "Several workers"). */
    readonly workers: number;
    /** Peers whose X-Forwarded-For is believed (the caller is the nearest address they did not add); empty: none. */
    readonly trustedProxies: readonly TrustedNetwork[];
  };
  /**
   * Requests per caller (its API key, or its address without one) on /graphql, its SSE path and WebSocket connection
   * attempts, counted per process; null: no limit.
   */
  readonly rateLimit: { readonly perSecond: number; readonly burst: number } | null;
  readonly logLevel: string;
  readonly neo4j: {
    /** Empty when the managed local server should be used. */
    readonly uri: string;
    readonly user: string;
    readonly password: string;
    readonly database: string;
    readonly connectRetries: number;
    readonly connectRetryDelayMs: number;
    readonly transactionTimeoutMs: number;
    /** Migrations, backfills and an import's batches: whole-graph work a request's timeout would stop half way. */
    readonly maintenanceTimeoutMs: number;
    /** Plan the write statements at start, in the background (docs/operations.md, "Plan cache"). */
    readonly warmPlans: boolean;
    readonly maxPoolSize: number;
    /** How long the driver keeps retrying a transaction on transient errors (deadlocks, a database going away). */
    readonly maxRetryTimeMs: number;
    readonly unavailableCooldownMs: number;
  };
  readonly managed: ManagedNeo4jConfig;
  /** Browser pages on other origins that may call /graphql (CORS); same-origin pages and non-browser clients need nothing. */
  readonly cors: {
    /** Origins (as in the Origin header) that may send any request, an API key included. */
    readonly origins: readonly string[];
    /**
     * `*` was listed: any other origin may send requests without an Authorization header, so it can read (reads are
     * public and the API uses no cookies) but never write (mutations need a key, which only listed origins may send).
     */
    readonly anyOriginMayRead: boolean;
  };
  /** GET /metrics (Prometheus); when `token` is set, a scrape must send `Authorization: Bearer <token>`. */
  readonly metrics: { readonly enabled: boolean; readonly token: string };
  /** Keys allowed to run mutations. */
  readonly apiKeys: readonly string[];
  /** Keys that identify a caller but may only read (their mutations get FORBIDDEN). */
  readonly readerKeys: readonly string[];
  readonly seedOnStart: boolean;
  /** The day answers without an asOf read (YYYY-MM-DD), for tests and demos; null: today by the clock. */
  readonly today: string | null;
  /** How far one page of a whole-graph analytics answer may scan, so it answers in bounded time at any size. */
  readonly analytics: { readonly scanLimits: { readonly loopStarts: number; readonly rivalries: number } };
  /** The change log's followers: subscriptions over WebSocket and SSE (see docs/changes.md). */
  readonly changes: {
    /** How often a process reads the log while anyone follows it (other processes' writes arrive within this). */
    readonly pollMs: number;
    /** Subscriptions at once per process, and per WebSocket connection. */
    readonly maxSubscriptions: number;
    readonly maxSubscriptionsPerConnection: number;
    /** Changes a subscriber may fall behind before it is closed (SLOW_CONSUMER; it resumes with its last seq). */
    readonly maxLag: number;
    /** Whether a subscription needs an API key (queries never do). */
    readonly subscriptionsRequireKey: boolean;
    /** Days the log keeps changes (null: everything). */
    readonly retentionDays: number | null;
    /** Watches one API key may hold. */
    readonly watchesPerKey: number;
  };
  /** Signed webhooks for changes (see docs/changes.md, "Webhooks"). */
  readonly webhooks: {
    /** Hosts deliveries may go to; empty: any host whose every address is public. Private addresses only when listed. */
    readonly allowedHosts: readonly AllowedHost[];
    /** One delivery's whole time budget: DNS, connect, request and response. */
    readonly timeoutMs: number;
    /** The most of a receiver's answer read; the rest is dropped. */
    readonly maxResponseBytes: number;
    /** How long a failing delivery is retried before it is marked FAILED (from its first attempt). */
    readonly retryMs: number;
    /** The wait after the first failure; each failure doubles it, up to `backoffMaxMs`. */
    readonly backoffBaseMs: number;
    readonly backoffMaxMs: number;
    /** How often a process looks for endpoints with changes to deliver (it also looks at once after its own writes). */
    readonly pollMs: number;
    /** Endpoints one process delivers to at once (a slow receiver holds one of them, never the others). */
    readonly concurrency: number;
    /** Whether this process delivers at all (every process may; a claim in Neo4j makes each delivery once). */
    readonly dispatch: boolean;
    /** Days finished deliveries stay in an endpoint's delivery log. */
    readonly deliveryLogDays: number;
  };
  /** Abuse limits: every request is checked against them before any resolver runs. */
  readonly limits: {
    readonly maxTokens: number;
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxLiteralDepth: number;
    readonly maxComplexity: number;
    readonly maxBodyBytes: number;
    readonly requestTimeoutMs: number;
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}

/**
 * Reads and validates the environment. Exits with a readable report (not a stack) when a value is invalid,
 * because a misconfigured server should never start half-working.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const env = cleanEnv(
    environment,
    {
      NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
      HOST: str({ default: '127.0.0.1' }),
      PORT: num({ default: 4000 }),
      API_WORKERS: workerCount({ default: 1 }),
      TRUSTED_PROXIES: networkList({ default: [] }),
      // Defaults depend on NODE_ENV as this file defaults it (envalid's devDefault would take an unset NODE_ENV for production).
      RATE_LIMIT_RPS: num({ default: undefined }),
      RATE_LIMIT_BURST: num({ default: undefined }),
      LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
      NEO4J_URI: boltUri({ default: '' }),
      NEO4J_USER: str({ default: 'neo4j' }),
      NEO4J_PASSWORD: str({ default: 'local-dev-password' }),
      NEO4J_DATABASE: str({ default: 'neo4j' }),
      NEO4J_CONNECT_RETRIES: num({ default: 10 }),
      NEO4J_CONNECT_RETRY_DELAY_MS: num({ default: 1000 }),
      NEO4J_TX_TIMEOUT_MS: num({ default: 15000 }),
      NEO4J_MAINTENANCE_TX_TIMEOUT_MS: num({ default: 600000 }),
      NEO4J_WARM_PLANS: bool({ default: true }),
      NEO4J_MAX_POOL_SIZE: num({ default: 100 }),
      NEO4J_MAX_RETRY_TIME_MS: num({ default: 3000 }),
      NEO4J_UNAVAILABLE_COOLDOWN_MS: num({ default: 1000 }),
      NEO4J_LOCAL_VERSION: str({ default: '5.26.30' }),
      NEO4J_LOCAL_DIR: str({ default: '.neo4j' }),
      NEO4J_LOCAL_BOLT_PORT: port({ default: 7687 }),
      NEO4J_LOCAL_HEAP_SIZE: memorySize({ default: '4g' }),
      NEO4J_LOCAL_PAGECACHE_SIZE: memorySize({ default: '4g' }),
      NEO4J_LOCAL_START_TIMEOUT_MS: num({ default: 180000 }),
      API_KEYS: list({ default: [] }),
      READER_API_KEYS: list({ default: [] }),
      CORS_ORIGINS: originList({ default: [] }),
      METRICS_ENABLED: bool({ default: true }),
      METRICS_TOKEN: str({ default: '' }),
      SEED_ON_START: bool({ default: true }),
      TODAY: isoDay({ default: '' }),
      MONEY_LOOPS_SCAN_LIMIT: num({ default: 20000 }),
      TWO_SIDED_SCAN_LIMIT: num({ default: 20000 }),
      MAX_QUERY_TOKENS: num({ default: 1000 }),
      MAX_QUERY_DEPTH: num({ default: 12 }),
      MAX_QUERY_ALIASES: num({ default: 20 }),
      MAX_QUERY_DIRECTIVES: num({ default: 5 }),
      MAX_LITERAL_DEPTH: num({ default: 8 }),
      MAX_QUERY_COMPLEXITY: num({ default: 5000 }),
      MAX_BODY_BYTES: num({ default: 102400 }),
      HTTP_REQUEST_TIMEOUT_MS: num({ default: 30000 }),
      CHANGE_FEED_POLL_MS: num({ default: 100 }),
      SUBSCRIPTIONS_MAX: num({ default: 1000 }),
      SUBSCRIPTIONS_MAX_PER_CONNECTION: num({ default: 20 }),
      SUBSCRIPTIONS_MAX_LAG: num({ default: 10000 }),
      SUBSCRIPTIONS_REQUIRE_KEY: bool({ default: false }),
      CHANGE_LOG_RETENTION_DAYS: num({ default: 0 }),
      WATCHES_PER_KEY: num({ default: 100 }),
      WEBHOOK_ALLOWED_HOSTS: allowedHosts({ default: [] }),
      WEBHOOK_TIMEOUT_MS: num({ default: 10000 }),
      WEBHOOK_MAX_RESPONSE_BYTES: num({ default: 65536 }),
      WEBHOOK_RETRY_HOURS: num({ default: 72 }),
      WEBHOOK_BACKOFF_MS: num({ default: 10000 }),
      WEBHOOK_BACKOFF_MAX_MS: num({ default: 6 * 3600 * 1000 }),
      WEBHOOK_POLL_MS: num({ default: 500 }),
      WEBHOOK_CONCURRENCY: num({ default: 8 }),
      WEBHOOK_DISPATCH: bool({ default: true }),
      WEBHOOK_DELIVERY_LOG_DAYS: num({ default: 30 }),
    },
    {
      reporter: ({ errors }) => {
        const problems = Object.entries(errors).map(([name, error]) => `  ${name}: ${error?.message ?? 'invalid'}`);
        if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
      },
    },
  );
  // Port 0 asks the OS for a free port (tests); anything else must be a real TCP port.
  if (!Number.isInteger(env.PORT) || env.PORT < 0 || env.PORT > 65535) {
    throw new ConfigError(`Invalid configuration:\n  PORT: expected 0-65535, got "${env.PORT}"`);
  }
  if (!(env.CHANGE_FEED_POLL_MS >= 10 && env.CHANGE_FEED_POLL_MS <= 200)) {
    throw new ConfigError(`Invalid configuration:\n  CHANGE_FEED_POLL_MS: expected 10-200, got "${env.CHANGE_FEED_POLL_MS}"`);
  }
  const webhookProblems = [
    ['WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 100, 120000],
    ['WEBHOOK_MAX_RESPONSE_BYTES', env.WEBHOOK_MAX_RESPONSE_BYTES, 0, 10 * 1024 * 1024],
    ['WEBHOOK_RETRY_HOURS', env.WEBHOOK_RETRY_HOURS, 0, 24 * 30],
    ['WEBHOOK_BACKOFF_MS', env.WEBHOOK_BACKOFF_MS, 10, 24 * 3600 * 1000],
    ['WEBHOOK_BACKOFF_MAX_MS', env.WEBHOOK_BACKOFF_MAX_MS, env.WEBHOOK_BACKOFF_MS, 24 * 3600 * 1000],
    ['WEBHOOK_POLL_MS', env.WEBHOOK_POLL_MS, 10, 60000],
    ['WEBHOOK_CONCURRENCY', env.WEBHOOK_CONCURRENCY, 1, 100],
    ['WEBHOOK_DELIVERY_LOG_DAYS', env.WEBHOOK_DELIVERY_LOG_DAYS, 1, 3650],
  ]
    .filter(([, value, min, max]) => !(Number.isFinite(value) && (value as number) >= (min as number) && (value as number) <= (max as number)))
    .map(([name, value, min, max]) => `  ${name}: expected ${min}-${max}, got "${value}"`);
  if (webhookProblems.length > 0) throw new ConfigError(`Invalid configuration:\n${webhookProblems.join('\n')}`);
  // On by default in production only: a development or test server is mostly called by its own developer.
  const production = env.NODE_ENV === 'production';
  const rps = env.RATE_LIMIT_RPS ?? (production ? 20 : 0);
  const burst = env.RATE_LIMIT_BURST ?? (production ? 40 : 0);
  if (!(Number.isInteger(rps) && rps >= 0 && rps <= 100000) || !(Number.isInteger(burst) && burst >= 0 && burst <= 100000)) {
    throw new ConfigError(`Invalid configuration:\n  RATE_LIMIT_RPS, RATE_LIMIT_BURST: expected whole numbers 0-100000, got "${rps}", "${burst}"`);
  }
  if (!/^5\.26\.\d+$/.test(env.NEO4J_LOCAL_VERSION)) {
    throw new ConfigError(`Invalid configuration:\n  NEO4J_LOCAL_VERSION: expected 5.26.x, got "${env.NEO4J_LOCAL_VERSION}"`);
  }
  return deepFreeze({
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT, workers: env.API_WORKERS, trustedProxies: env.TRUSTED_PROXIES },
    // RATE_LIMIT_RPS=0 turns the limit off; a burst alone (RPS 0) would be a limit that never refills.
    rateLimit: rps > 0 ? { perSecond: rps, burst } : null,
    logLevel: env.LOG_LEVEL,
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      connectRetries: env.NEO4J_CONNECT_RETRIES,
      connectRetryDelayMs: env.NEO4J_CONNECT_RETRY_DELAY_MS,
      transactionTimeoutMs: env.NEO4J_TX_TIMEOUT_MS,
      maintenanceTimeoutMs: env.NEO4J_MAINTENANCE_TX_TIMEOUT_MS,
      warmPlans: env.NEO4J_WARM_PLANS,
      maxPoolSize: env.NEO4J_MAX_POOL_SIZE,
      maxRetryTimeMs: env.NEO4J_MAX_RETRY_TIME_MS,
      unavailableCooldownMs: env.NEO4J_UNAVAILABLE_COOLDOWN_MS,
    },
    managed: {
      version: env.NEO4J_LOCAL_VERSION,
      baseDir: path.resolve(cwd, env.NEO4J_LOCAL_DIR),
      boltPort: env.NEO4J_LOCAL_BOLT_PORT,
      heapSize: env.NEO4J_LOCAL_HEAP_SIZE,
      pageCacheSize: env.NEO4J_LOCAL_PAGECACHE_SIZE,
      startTimeoutMs: env.NEO4J_LOCAL_START_TIMEOUT_MS,
    },
    cors: { origins: env.CORS_ORIGINS.filter((origin) => origin !== '*'), anyOriginMayRead: env.CORS_ORIGINS.includes('*') },
    metrics: { enabled: env.METRICS_ENABLED, token: env.METRICS_TOKEN },
    apiKeys: env.API_KEYS,
    readerKeys: env.READER_API_KEYS,
    seedOnStart: env.SEED_ON_START,
    today: env.TODAY === '' ? null : env.TODAY,
    changes: {
      pollMs: env.CHANGE_FEED_POLL_MS,
      maxSubscriptions: env.SUBSCRIPTIONS_MAX,
      maxSubscriptionsPerConnection: env.SUBSCRIPTIONS_MAX_PER_CONNECTION,
      maxLag: env.SUBSCRIPTIONS_MAX_LAG,
      subscriptionsRequireKey: env.SUBSCRIPTIONS_REQUIRE_KEY,
      retentionDays: env.CHANGE_LOG_RETENTION_DAYS > 0 ? env.CHANGE_LOG_RETENTION_DAYS : null,
      watchesPerKey: env.WATCHES_PER_KEY,
    },
    webhooks: {
      allowedHosts: env.WEBHOOK_ALLOWED_HOSTS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      maxResponseBytes: env.WEBHOOK_MAX_RESPONSE_BYTES,
      retryMs: Math.round(env.WEBHOOK_RETRY_HOURS * 3600 * 1000),
      backoffBaseMs: env.WEBHOOK_BACKOFF_MS,
      backoffMaxMs: env.WEBHOOK_BACKOFF_MAX_MS,
      pollMs: env.WEBHOOK_POLL_MS,
      concurrency: Math.trunc(env.WEBHOOK_CONCURRENCY),
      dispatch: env.WEBHOOK_DISPATCH,
      deliveryLogDays: env.WEBHOOK_DELIVERY_LOG_DAYS,
    },
    analytics: { scanLimits: { loopStarts: env.MONEY_LOOPS_SCAN_LIMIT, rivalries: env.TWO_SIDED_SCAN_LIMIT } },
    limits: {
      maxTokens: env.MAX_QUERY_TOKENS,
      maxDepth: env.MAX_QUERY_DEPTH,
      maxAliases: env.MAX_QUERY_ALIASES,
      maxDirectives: env.MAX_QUERY_DIRECTIVES,
      maxLiteralDepth: env.MAX_LITERAL_DEPTH,
      maxComplexity: env.MAX_QUERY_COMPLEXITY,
      maxBodyBytes: env.MAX_BODY_BYTES,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
    },
  });
}

/** Raised for an invalid environment; its message is meant for the operator as-is. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
