import neo4j, { type Driver } from 'neo4j-driver';
import type { AppConfig } from '../config';
import type { Logger } from '../platform/logger';

/** The connection settings a driver needs; the URI may be the managed server's rather than the configured one. */
export interface DriverSettings {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly maxPoolSize: number;
  readonly maxRetryTimeMs?: number;
}

/** How long one connection attempt may take; a retried transaction can start its last attempt just before its retry deadline. */
export const CONNECTION_TIMEOUT_MS = 3000;

/** Builds driver settings from config, with the URI actually in use (configured or managed). */
export function driverSettings(config: AppConfig, uri: string): DriverSettings {
  return { uri, user: config.neo4j.user, password: config.neo4j.password, maxPoolSize: config.neo4j.maxPoolSize, maxRetryTimeMs: config.neo4j.maxRetryTimeMs };
}

/**
 * Creates the process's Neo4j driver. This is the only place a driver is made: one per process, shared by all
 * requests. `neo4j://` URIs route reads to followers of a cluster; `bolt://` talks to one server.
 */
export function createDriver(settings: DriverSettings, logger?: Logger): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    maxConnectionPoolSize: settings.maxPoolSize,
    connectionAcquisitionTimeout: 10000,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    maxTransactionRetryTime: settings.maxRetryTimeMs ?? 3000,
    userAgent: 'ai-industry-graph',
    logging: logger
      ? { level: 'warn', logger: (level, message) => logger[level === 'error' ? 'error' : 'warn']({ neo4j: true }, message) }
      : undefined,
  });
}
