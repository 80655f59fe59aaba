import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLFormattedError } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { DomainError, ErrorCode } from '../domain/errors';
import type { RequestContext } from '../graphql/context';
import { createFormatError } from '../graphql/format-error';
import { limitRules, parseLimitError, parseOptions, QUERY_LIMIT_EXCEEDED } from '../graphql/limits';
import { createContext } from './request-context';
import type { ServerDependencies } from './server-dependencies';

/**
 * WebSocket close code for a subscriber that fell too far behind the log: the application's range (4000-4999), outside
 * the 44xx codes graphql-ws gives meanings to (4409 would read as "subscriber already exists" and not be retried).
 */
export const SLOW_CONSUMER_CLOSE = 4600;

/**
 * Whether a browser page may open a WebSocket here: the same rule as CORS for HTTP (no Origin: not a browser; the
 * server's own origin; an origin CORS_ORIGINS lists, or any when it holds `*`). Browsers send no preflight for a
 * WebSocket, so without this any site a user visits could subscribe with the user's network position.
 */
function originAllowed(req: http.IncomingMessage, cors: { origins: readonly string[]; anyOriginMayRead: boolean }): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (cors.anyOriginMayRead || cors.origins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
/** The path of the SSE transport (graphql-sse, distinct connections mode). */
export const SSE_PATH = '/graphql/stream';

export interface SubscriptionTransports {
  /** The SSE route: a POST or GET with `accept: text/event-stream` opens one subscription per connection. */
  readonly sse: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  /** Subscriptions open now over WebSocket connections. */
  readonly openSockets: () => number;
  close(): Promise<void>;
}

type Prepared = { args: ExecutionArgs } | { errors: GraphQLError[] };

/**
 * Serves subscriptions (and any query) over graphql-ws on `/graphql` and graphql-sse on `/graphql/stream`, with the
 * same parse and validation limits as HTTP, the same roles (SUBSCRIPTIONS_REQUIRE_KEY can require a key), a cap per
 * connection and per process, and errors coded as everywhere else. Each subscription follows this process's change
 * feed; no state is kept between SSE requests, so either transport works behind several processes.
 */
export function attachSubscriptions<Loaders>(
  httpServer: http.Server,
  deps: ServerDependencies<Loaders>,
  /** Counts a connection attempt against the caller's rate limit; false when it refused it (and answered the socket). */
  admit: (req: http.IncomingMessage, socket: Duplex) => Promise<boolean> = async () => true,
): SubscriptionTransports {
  const { config, schema } = deps;
  const limits = config.limits;
  const rules = [...specifiedRules, ...limitRules(limits)];
  const formatError = createFormatError(deps.logger);
  const toFormatted = (error: GraphQLError): GraphQLFormattedError => formatError(error.toJSON(), error);

  const prepare = (query: unknown, variables: unknown, operationName: unknown, authorization: string | undefined, closeSlow: (() => void) | null): Prepared => {
    if (typeof query !== 'string') return { errors: [new GraphQLError('query must be a string', { extensions: { code: ErrorCode.BAD_USER_INPUT } })] };
    let document: DocumentNode;
    try {
      document = parse(query, parseOptions(limits));
    } catch (error) {
      const limit = parseLimitError((error as Error).message);
      return { errors: [limit ?? new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] };
    }
    const invalid = validate(schema, document, rules);
    // Coded as Apollo codes them over HTTP, so the error formatting shows them rather than masking them.
    if (invalid.length > 0) return { errors: invalid.map((error) => (error.extensions.code ? error : new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }))) };
    const context = createContext(deps, authorization, { roundTrips: 0 });
    if (config.changes.subscriptionsRequireKey && context.role === 'anonymous') {
      return { errors: [new GraphQLError('Subscriptions need an API key: send Authorization: Bearer <key>', { extensions: { code: ErrorCode.UNAUTHENTICATED } })] };
    }
    const feed = deps.feed;
    const contextValue: RequestContext<Loaders> = {
      ...context,
      follow: feed ? (after, filter) => feed.follow(after, filter, closeSlow) : undefined,
    };
    return {
      args: {
        schema,
        document,
        variableValues: (variables as Record<string, unknown> | null | undefined) ?? undefined,
        operationName: typeof operationName === 'string' ? operationName : undefined,
        contextValue,
      },
    };
  };

  // WebSocket: graphql-ws on the same port and path as HTTP.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxBodyBytes });
  const perSocket = new WeakMap<WebSocket, number>();
  let open = 0;
  httpServer.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    if (!originAllowed(req, config.cors)) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nThis origin may not open a subscription here (see CORS_ORIGINS)\n');
      return;
    }
    admit(req, socket).then(
      (admitted) => {
        if (admitted && !socket.destroyed) wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      },
      () => socket.destroy(),
    );
  });
  const wsDisposable = useServer(
    {
      schema,
      onSubscribe: (ctx, _id, payload) => {
        const socket = ctx.extra.socket;
        const count = perSocket.get(socket) ?? 0;
        if (count >= config.changes.maxSubscriptionsPerConnection) {
          return [new GraphQLError(`at most ${config.changes.maxSubscriptionsPerConnection} subscriptions per connection`, { extensions: { code: QUERY_LIMIT_EXCEEDED } })];
        }
        const params = ctx.connectionParams ?? {};
        const authorization = typeof params.authorization === 'string' ? params.authorization : typeof params.Authorization === 'string' ? params.Authorization : ctx.extra.request.headers.authorization;
        const prepared = prepare(payload.query, payload.variables, payload.operationName, authorization, () => socket.close(SLOW_CONSUMER_CLOSE, 'SLOW_CONSUMER'));
        if ('errors' in prepared) return prepared.errors;
        perSocket.set(socket, count + 1);
        open += 1;
        return prepared.args;
      },
      onComplete: (ctx) => {
        const socket = ctx.extra.socket;
        perSocket.set(socket, Math.max(0, (perSocket.get(socket) ?? 1) - 1));
        open = Math.max(0, open - 1);
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(toFormatted) } : undefined),
      // An error the change stream throws once it runs (SERVICE_UNAVAILABLE while the database is away, the
      // per-process limit, SLOW_CONSUMER) arrives wrapped by graphql-ws in a GraphQLError with no path, which the
      // error formatting does not look through: without unwrapping it, it reached clients masked as
      // INTERNAL_SERVER_ERROR, which says "do not retry" (test/integration/changes/change-log-failures.test.ts).
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => {
          const wrapped = error as GraphQLError;
          return formatError(wrapped.toJSON(), wrapped.path === undefined && wrapped.originalError instanceof DomainError ? wrapped.originalError : wrapped);
        }),
    },
    wss,
  );

  // SSE: graphql-sse in its distinct connections mode (one subscription per request, nothing reserved in between).
  const sse = createHandler<Record<PropertyKey, unknown>>({
    schema,
    onSubscribe: (req, params) => {
      const prepared = prepare(params.query, params.variables, params.operationName, req.raw.headers.authorization, () => req.context.res.destroy());
      if ('errors' in prepared) return { errors: prepared.errors.map(toFormatted) } as never;
      return prepared.args as never;
    },
    onNext: (_ctx, _req, result) => ('errors' in result && result.errors ? ({ ...result, errors: result.errors.map(toFormatted) } as never) : undefined),
  });

  return {
    sse,
    openSockets: () => open,
    async close() {
      await wsDisposable.dispose();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

