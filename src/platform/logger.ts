import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

export type { Logger };

/** The request whose work is running, so any log line written on its behalf can name it. */
const requestScope = new AsyncLocalStorage<string>();

/**
 * Runs `work` as part of request `requestId`: every line any logger writes from inside it (resolvers, error masking,
 * the HTTP layer, Apollo's own messages) carries `requestId`, without each caller having to thread a child logger.
 */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestScope.run(requestId, work);
}

/**
 * A logger whose lines name `requestId`: the logger itself inside that request's scope (the scope adds the id), a child
 * bound to it elsewhere (operations executed without HTTP), so the field is never written twice.
 */
export function requestLogger(logger: Logger, requestId: string): Logger {
  return requestScope.getStore() === requestId ? logger : logger.child({ requestId });
}

/**
 * The one structured logger. Secrets are redacted by path so an API key or password can never reach a log line,
 * even when a whole request or config object is logged by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ai-industry-graph' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'password', '*.password', 'apiKeys', '*.apiKeys', 'token', '*.token', 'secret', '*.secret', 'secrets', '*.secrets'],
        censor: '[redacted]',
      },
      mixin() {
        const requestId = requestScope.getStore();
        return requestId === undefined ? {} : { requestId };
      },
    },
    destination,
  );
}
