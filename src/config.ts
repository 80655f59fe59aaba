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

/** An ISO day (YYYY-MM-DD), or empty. */
const isoDay = makeValidator<string>((input) => {
  if (input !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(input) && new Date(`${input}T00:00:00Z`).toISOString().startsWith(input))) {
    throw new Error(`expected a day such as 2026-12-06, got "${input}"`);
  }
  return input;
});

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
  readonly http: { readonly host: string; readonly port: number };
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
      LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
      NEO4J_URI: boltUri({ default: '' }),
      NEO4J_USER: str({ default: 'neo4j' }),
      NEO4J_PASSWORD: str({ default: 'local-dev-password' }),
      NEO4J_DATABASE: str({ default: 'neo4j' }),
      NEO4J_CONNECT_RETRIES: num({ default: 10 }),
      NEO4J_CONNECT_RETRY_DELAY_MS: num({ default: 1000 }),
      NEO4J_TX_TIMEOUT_MS: num({ default: 15000 }),
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
  if (!/^5\.26\.\d+$/.test(env.NEO4J_LOCAL_VERSION)) {
    throw new ConfigError(`Invalid configuration:\n  NEO4J_LOCAL_VERSION: expected 5.26.x, got "${env.NEO4J_LOCAL_VERSION}"`);
  }
  return deepFreeze({
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT },
    logLevel: env.LOG_LEVEL,
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      connectRetries: env.NEO4J_CONNECT_RETRIES,
      connectRetryDelayMs: env.NEO4J_CONNECT_RETRY_DELAY_MS,
      transactionTimeoutMs: env.NEO4J_TX_TIMEOUT_MS,
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
