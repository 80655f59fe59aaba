import crypto from 'node:crypto';
import type { AppConfig } from '../config';
import { identifyCaller, parseApiKeys, type ApiKey } from '../graphql/api-keys';
import type { RequestContext } from '../graphql/context';
import { requestLogger } from '../platform/logger';
import type { QueryStats } from '../neo4j/query-stats';
import type { ServerDependencies } from './server-dependencies';

/** The configured keys, parsed (and digested) once per configuration rather than per request. */
const parsedKeys = new WeakMap<AppConfig, ApiKey[]>();
function keysOf(config: AppConfig): ApiKey[] {
  let keys = parsedKeys.get(config);
  if (!keys) parsedKeys.set(config, (keys = parseApiKeys(config.apiKeys, config.readerKeys)));
  return keys;
}

/** The name of the configured key an Authorization header presents, or null (none, or not one of ours). */
export function callerKeyName(config: AppConfig, authorization: string | undefined): string | null {
  return identifyCaller(authorization, keysOf(config)).name;
}

/**
 * Builds the per-request context from the Authorization header. `requestId` is the HTTP request's (see
 * src/http/request-id.ts); operations run without HTTP get a new one.
 */
export function createContext<Loaders>(
  deps: ServerDependencies<Loaders>,
  authorization: string | undefined,
  stats: QueryStats,
  requestId: string = crypto.randomUUID(),
): RequestContext<Loaders> {
  const caller = identifyCaller(authorization, keysOf(deps.config));
  return {
    requestId,
    role: caller.role,
    keyName: caller.name,
    presentedKey: authorization !== undefined && authorization !== '',
    stats,
    logger: requestLogger(deps.logger, requestId),
    loaders: deps.createLoaders(),
    operation: {},
  };
}
