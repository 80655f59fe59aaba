import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { attachSubscriptions, SSE_PATH } from './http/subscriptions';
import type { ServerDependencies } from './http/server-dependencies';
import type { RequestContext } from './graphql/context';
import { createFormatError } from './graphql/format-error';
import { complexityPlugin, firstLimitErrorOnly, limitRules, parseOptions } from './graphql/limits';
import { withRequestId } from './platform/logger';
import { sendGraphQLResponse, toGraphQLRequest } from './http/apollo-http';
import { corsPolicy } from './http/cors';
import { errorResponse } from './http/error-response';
import { jsonBodyReader } from './http/json-body';
import { landingPagePlugin } from './http/landing-page';
import { metricsRoute } from './http/metrics-route';
import { assignRequestId, requestIdOf } from './http/request-id';
import { onlyGet, routeRequests, type Route } from './http/routes';
import { sendJson } from './http/send-json';
import { builtFiles, builtPage } from './http/static-files';
import { createApiMetrics, type ApiMetrics } from './metrics/api-metrics';
import { projectRoot } from './platform/project-root';
import { withQueryStats, type QueryStats } from './neo4j/query-stats';
import { withRequestBookmarks, type RequestBookmarks } from './neo4j/request-bookmarks';
import type { DomainError } from './domain/errors';
import { BOOKMARK_HEADER, bookmarksOf } from './http/bookmark-header';
import { clientAddressOf } from './http/client-address';
import { createRateLimit, RATE_LIMITED, refuseUpgrade, sendRateLimited, type RateVerdict } from './http/rate-limit';
import { callerKeyName, createContext } from './http/request-context';


export interface RunningServer {
  readonly url: string;
  readonly apollo: ApolloServer<RequestContext>;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * Builds the Apollo server (plugins, error masking, auth context) without binding a port; tests use it directly.
 * With `metrics`, every error it answers is counted by code and each request learns its operation's name.
 */
export function createApollo<Loaders>(deps: ServerDependencies<Loaders>, httpServer?: http.Server, metrics?: ApiMetrics): ApolloServer<RequestContext> {
  const production = deps.config.env === 'production';
  const formatError = createFormatError(deps.logger);
  return new ApolloServer<RequestContext>({
    schema: deps.schema,
    // Apollo's own messages go to our logger, so they are structured and carry the request id like every other line.
    logger: deps.logger,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    // The process owns shutdown (src/index.ts): drain HTTP, close the driver, stop the managed Neo4j, in that order.
    stopOnTerminationSignals: false,
    parseOptions: parseOptions(deps.config.limits),
    validationRules: limitRules(deps.config.limits),
    // Every error Apollo answers passes here, those of requests it refuses before any plugin runs included.
    formatError: metrics
      ? (formatted, error) => {
          const answered = formatError(formatted, error);
          metrics.countError(answered.extensions?.code);
          return answered;
        }
      : formatError,
    plugins: [
      complexityPlugin(deps.schema, deps.config.limits.maxComplexity),
      firstLimitErrorOnly,
      // Answers are never cacheable (they change with every write), so per-field cache hints would only cost a hook
      // on every resolved field; the header below says no-store as the plugin did.
      ApolloServerPluginCacheControlDisabled(),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      production ? ApolloServerPluginLandingPageDisabled() : landingPagePlugin(),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, operationName }) {
              contextValue.operation.resolved = { name: operationName };
            },
            // Exposes the database round trips of each request, so clients and benchmarks can see batching at work.
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set('cache-control', 'no-store');
              response.http.headers.set('x-db-round-trips', String(contextValue.stats.roundTrips));
            },
          };
        },
      },
    ],
  });
}

/**
 * Starts HTTP:
 * - POST /graphql (and GET with Apollo's CSRF header); OPTIONS /graphql answers CORS preflights (`CORS_ORIGINS`);
 *   GET /graphql from a browser is the landing page (Apollo Sandbox, falling back to /graphiql) outside production;
 * - GET /graphiql: the bundled GraphiQL; GET /explorer and /explorer/*: the explorer page and the built assets;
 * - GET /health (process up), GET /ready (database reachable), GET /metrics (Prometheus; `METRICS_ENABLED`, `METRICS_TOKEN`;
 *   with API_WORKERS > 1, every worker's series summed by the primary).
 * /graphql, its SSE path and WebSocket upgrades count against the caller's rate limit (RATE_LIMIT_RPS, 429 RATE_LIMITED).
 * A request sending `X-Neo4j-Bookmark` (a write's answer gave it) is served after that write, whichever process made it.
 * Every answer carries `x-request-id` (the caller's when acceptable, else a new UUID), and every log line written for a
 * request names it. Plain `node:http` with body-parser rather than a framework: a handful of routes need no router, and
 * on a request that costs a few milliseconds of database time, Express's per-request layers measured a tenth of a
 * millisecond or more.
 */
export async function startServer<Loaders>(deps: ServerDependencies<Loaders>): Promise<RunningServer> {
  const { limits } = deps.config;
  const readJson = jsonBodyReader(limits.maxBodyBytes);
  const { feed, watches } = deps;
  const metrics = deps.config.metrics.enabled
    ? createApiMetrics(
        { driver: deps.db.driver, ping: deps.ping, feed: feed ? () => feed.stats() : undefined, watches: watches ? () => watches.stats() : undefined },
        { clustered: deps.config.http.workers > 1 },
      )
    : undefined;
  const rateLimit = createRateLimit(deps.config.rateLimit);
  const addressOf = clientAddressOf(deps.config.http.trustedProxies);
  // A caller is its API key when it presents one of ours (wherever it calls from), else its address.
  const admit = async (req: http.IncomingMessage, transport: 'http' | 'websocket'): Promise<RateVerdict> => {
    if (!rateLimit.enabled) return { allowed: true };
    const key = callerKeyName(deps.config, req.headers.authorization);
    const verdict = await rateLimit.check(key !== null ? `key:${key}` : `address:${addressOf(req)}`);
    if (!verdict.allowed) {
      metrics?.countRateLimited(transport);
      metrics?.countError(RATE_LIMITED);
    }
    return verdict;
  };
  const limited =
    (route: Route): Route =>
    async (req, res) => {
      const verdict = await admit(req, 'http');
      if (!verdict.allowed) return sendRateLimited(res, verdict.retryAfterSeconds);
      return route(req, res);
    };
  const cors = corsPolicy(deps.config.cors);
  const fail = (res: http.ServerResponse, error: unknown) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const { status, body } = errorResponse(error, deps.logger, limits.maxBodyBytes);
    metrics?.countError(body.errors[0].extensions.code);
    sendJson(res, status, body);
  };
  const httpServer = http.createServer();
  // Below Node's 300 s default: a slow or stalled client must not hold a connection and a request slot for long.
  httpServer.requestTimeout = limits.requestTimeoutMs;
  httpServer.headersTimeout = Math.min(20000, limits.requestTimeoutMs);
  const apollo = createApollo(deps, httpServer, metrics);
  await apollo.start();

  const graphql: Route = async (req, res) => {
    if (req.method === 'OPTIONS') return cors.preflight(req, res);
    cors.allowResponse(req, res);
    const verdict = await admit(req, 'http');
    if (!verdict.allowed) return sendRateLimited(res, verdict.retryAfterSeconds);
    let bookmarks: RequestBookmarks;
    try {
      bookmarks = { awaited: bookmarksOf(req), written: null };
    } catch (error) {
      const refused = error as DomainError;
      metrics?.countError(refused.code);
      return sendJson(res, 400, { errors: [{ message: refused.message, extensions: { code: refused.code, ...refused.details } }] });
    }
    const stats: QueryStats = { roundTrips: 0 };
    let context: RequestContext<Loaders> | undefined;
    if (metrics) {
      const started = performance.now();
      res.once('finish', () => {
        // The landing page is a page, not a GraphQL request.
        if (String(res.getHeader('content-type')).startsWith('text/html')) return;
        metrics.observeGraphQL(context?.operation.resolved, (performance.now() - started) / 1000, stats.roundTrips);
      });
    }
    const body = await readJson(req, res);
    const response = await withRequestBookmarks(bookmarks, () =>
      withQueryStats(stats, () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: toGraphQLRequest(req, body),
          context: async () => (context = createContext(deps, req.headers.authorization, stats, requestIdOf(res))),
        }),
      ),
    );
    // The last write's bookmark: sent back on a later request, it makes that request see this write on any process.
    if (bookmarks.written?.length) res.setHeader(BOOKMARK_HEADER, bookmarks.written.join(','));
    await sendGraphQLResponse(res, response);
  };
  const routes = new Map<string, Route>([
    ['/graphql', graphql],
    ['/health', onlyGet(async (_req, res) => sendJson(res, 200, { status: 'ok' }))],
    [
      '/ready',
      onlyGet(async (_req, res) => {
        try {
          await deps.ping();
          sendJson(res, 200, { status: 'ready' });
        } catch {
          sendJson(res, 503, { status: 'not ready', reason: 'database unavailable' });
        }
      }),
    ],
  ]);
  if (metrics) routes.set('/metrics', metricsRoute(metrics, deps.config.metrics.token));
  // Subscriptions: graphql-ws upgrades on /graphql, graphql-sse on its own path.
  const subscriptions = feed
    ? attachSubscriptions(httpServer, deps, async (req, socket) => {
        const verdict = await admit(req, 'websocket');
        if (!verdict.allowed) refuseUpgrade(socket, verdict.retryAfterSeconds);
        return verdict.allowed;
      })
    : null;
  if (subscriptions) routes.set(SSE_PATH, limited(subscriptions.sse));
  const web = path.join(projectRoot(), 'dist/explorer');
  routes.set('/explorer', builtPage(web, 'index.html'));
  routes.set('/graphiql', builtPage(web, 'graphiql.html'));
  const countAnswers = metrics
    ? (route: string, req: http.IncomingMessage, res: http.ServerResponse) => res.once('finish', () => metrics.countHttp(route, req.method, res.statusCode))
    : undefined;
  const route = routeRequests(routes, fail, new Map([['/explorer/', builtFiles(web, '/explorer/')]]), countAnswers);
  // Which worker answered, for tests and debugging of several workers; never in production, where it only informs an attacker.
  const servedBy = deps.config.http.workers > 1 && deps.config.env !== 'production' ? String(process.pid) : null;
  httpServer.on('request', (req, res) => {
    if (servedBy) res.setHeader('x-worker-pid', servedBy);
    const requestId = assignRequestId(req, res);
    withRequestId(requestId, () => route(req, res));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(deps.config.http.port, deps.config.http.host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = deps.config.http.host === '0.0.0.0' || deps.config.http.host === '127.0.0.1' ? 'localhost' : deps.config.http.host;
  return {
    url: `http://${host}:${address.port}/graphql`,
    apollo,
    stop: async () => {
      await subscriptions?.close();
      await apollo.stop();
    },
  };
}
