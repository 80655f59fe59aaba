import pino, { type Logger } from 'pino';

export type { Logger };

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
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'password', '*.password', 'apiKeys', '*.apiKeys'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
