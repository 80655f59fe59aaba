import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from './config';
import { roleFromHeader } from './common/auth';
import type { RequestContext } from './common/context';
import { createFormatError } from './common/format-error';
import { httpErrorHandler } from './common/http-error-handler';
import { complexityPlugin, limitRules } from './common/limits';
import type { Logger } from './common/logger';
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
    validationRules: limitRules(deps.config.limits),
    formatError: createFormatError(deps.logger),
    plugins: [
      complexityPlugin(deps.schema, deps.config.limits.maxComplexity),
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

/** Starts HTTP: POST /graphql (Apollo Sandbox on GET in development), GET /health, GET /ready. */
export async function startServer<Loaders>(deps: ServerDependencies<Loaders>): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  // A weak ETag is a hash of every response body, and no client revalidates a POST answer.
  app.set('etag', false);
  const httpServer = http.createServer(app);
  // Below Node's 300 s default: a slow or stalled client must not hold a connection and a request slot for long.
  httpServer.requestTimeout = deps.config.limits.requestTimeoutMs;
  httpServer.headersTimeout = Math.min(20000, deps.config.limits.requestTimeoutMs);
  const apollo = createApollo(deps, httpServer);
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await deps.ping();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'not ready', reason: 'database unavailable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: deps.config.limits.maxBodyBytes }),
    (_req, res, next) => {
      const stats: QueryStats = { roundTrips: 0 };
      res.locals.stats = stats;
      withQueryStats(stats, next);
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => createContext(deps, req.headers.authorization, res.locals.stats as QueryStats),
    }),
  );
  app.use(httpErrorHandler(deps.logger, deps.config.limits.maxBodyBytes));

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
