import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from './config';
import { roleFromHeader } from './graphql/auth';
import type { RequestContext } from './graphql/context';
import { createFormatError } from './graphql/format-error';
import { complexityPlugin, firstLimitErrorOnly, limitRules, parseOptions } from './graphql/limits';
import type { Logger } from './platform/logger';
import { sendGraphQLResponse, toGraphQLRequest } from './http/apollo-http';
import { errorResponse } from './http/error-response';
import { jsonBodyReader } from './http/json-body';
import { onlyGet, routeRequests, type Route } from './http/routes';
import { sendJson } from './http/send-json';
import type { Database } from './neo4j/database';
import { withQueryStats, type QueryStats } from './neo4j/query-stats';

export interface ServerDependencies<Loaders> {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly schema: GraphQLSchema;
  readonly db: Database;
  /** Pings the database for /ready. */
  readonly ping: () => Promise<void>;
  readonly createLoaders: () => Loaders;
}

export interface RunningServer {
  readonly url: string;
  readonly apollo: ApolloServer<RequestContext>;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

/** Builds the Apollo server (plugins, error masking, auth context) without binding a port; tests use it directly. */
export function createApollo<Loaders>(deps: ServerDependencies<Loaders>, httpServer?: http.Server): ApolloServer<RequestContext> {
  const production = deps.config.env === 'production';
  return new ApolloServer<RequestContext>({
    schema: deps.schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    // The process owns shutdown (src/index.ts): drain HTTP, close the driver, stop the managed Neo4j, in that order.
    stopOnTerminationSignals: false,
    parseOptions: parseOptions(deps.config.limits),
    validationRules: limitRules(deps.config.limits),
    formatError: createFormatError(deps.logger),
    plugins: [
      complexityPlugin(deps.schema, deps.config.limits.maxComplexity),
      firstLimitErrorOnly,
      // Answers are never cacheable (they change with every write), so per-field cache hints would only cost a hook
      // on every resolved field; the header below says no-store as the plugin did.
      ApolloServerPluginCacheControlDisabled(),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      {
        // Exposes the database round trips of each request, so clients and benchmarks can see batching at work.
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set('cache-control', 'no-store');
              response.http.headers.set('x-db-round-trips', String(contextValue.stats.roundTrips));
              response.http.headers.set('x-request-id', contextValue.requestId);
            },
          };
        },
      },
    ],
  });
}

/** Builds the per-request context from the Authorization header. */
export function createContext<Loaders>(deps: ServerDependencies<Loaders>, authorization: string | undefined, stats: QueryStats): RequestContext<Loaders> {
  const requestId = crypto.randomUUID();
  return {
    requestId,
    role: roleFromHeader(authorization, deps.config.apiKeys, deps.config.readerKeys),
    presentedKey: authorization !== undefined && authorization !== '',
    stats,
    logger: deps.logger.child({ requestId }),
    loaders: deps.createLoaders(),
  };
}

/**
 * Starts HTTP: POST /graphql (and GET, which serves Apollo Sandbox in development), GET /health, GET /ready.
 * Plain `node:http` with body-parser rather than a framework: three routes need no router, and on a request that
 * costs a few milliseconds of database time, Express's per-request layers measured a tenth of a millisecond or more.
 */
export async function startServer<Loaders>(deps: ServerDependencies<Loaders>): Promise<RunningServer> {
  const { limits } = deps.config;
  const readJson = jsonBodyReader(limits.maxBodyBytes);
  const fail = (res: http.ServerResponse, error: unknown) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const { status, body } = errorResponse(error, deps.logger, limits.maxBodyBytes);
    sendJson(res, status, body);
  };
  const httpServer = http.createServer();
  // Below Node's 300 s default: a slow or stalled client must not hold a connection and a request slot for long.
  httpServer.requestTimeout = limits.requestTimeoutMs;
  httpServer.headersTimeout = Math.min(20000, limits.requestTimeoutMs);
  const apollo = createApollo(deps, httpServer);
  await apollo.start();

  const routes = new Map<string, Route>([
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
    [
      '/graphql',
      async (req, res) => {
        const body = await readJson(req, res);
        const stats: QueryStats = { roundTrips: 0 };
        const response = await withQueryStats(stats, () =>
          apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: toGraphQLRequest(req, body),
            context: async () => createContext(deps, req.headers.authorization, stats),
          }),
        );
        await sendGraphQLResponse(res, response);
      },
    ],
  ]);
  httpServer.on('request', routeRequests(routes, fail));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(deps.config.http.port, deps.config.http.host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = deps.config.http.host === '0.0.0.0' || deps.config.http.host === '127.0.0.1' ? 'localhost' : deps.config.http.host;
  return {
    url: `http://${host}:${address.port}/graphql`,
    apollo,
    stop: () => apollo.stop(),
  };
}
