import type { Driver } from 'neo4j-driver';
import type { Logger } from '../platform/logger';
import { DatabaseUnavailableError } from './database-unavailable-error';

export interface WaitOptions {
  readonly uri: string;
  readonly database: string;
  readonly retries: number;
  readonly delayMs: number;
}

/**
 * Start-up connectivity check: retries `verifyConnectivity` so a database that is still booting is waited for,
 * then fails with one readable sentence naming the URI. Authentication failures are not retried: they will not fix
 * themselves.
 */
export async function waitForDatabase(driver: Driver, options: WaitOptions, logger?: Logger): Promise<void> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= Math.max(1, options.retries); attempt += 1) {
    try {
      await driver.getServerInfo({ database: options.database });
      return;
    } catch (error) {
      lastError = error;
      const code = (error as { code?: string }).code ?? '';
      if (code.includes('Security') || code.includes('Unauthorized')) {
        throw new DatabaseUnavailableError(`Neo4j at ${options.uri} refused the credentials (${code}). Check NEO4J_USER and NEO4J_PASSWORD.`);
      }
      if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
        throw new DatabaseUnavailableError(`Neo4j at ${options.uri} has no database "${options.database}". Check NEO4J_DATABASE.`);
      }
      logger?.warn({ attempt, of: options.retries, uri: options.uri }, 'Neo4j not reachable yet, retrying');
      if (attempt < options.retries) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    }
  }
  const reason = lastError instanceof Error ? lastError.message.split('\n')[0] : String(lastError);
  throw new DatabaseUnavailableError(
    `Cannot reach Neo4j at ${options.uri} after ${options.retries} attempts (${reason}). ` +
      'Is the database running? Unset NEO4J_URI to let `npm start` run a local Neo4j, or start one with `docker compose up neo4j`.',
  );
}
