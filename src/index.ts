import 'reflect-metadata';
import { createApplication, type Application } from './app';
import { ConfigError, loadConfig } from './config';
import { loadDotEnv } from './platform/dotenv';
import { createLogger } from './platform/logger';
import { DatabaseUnavailableError } from './neo4j/database-unavailable-error';
import { developmentInstance } from './managed-neo4j/instances';
import { ManagedNeo4jError } from './managed-neo4j/managed-neo4j-error';
import type { ManagedNeo4j } from './managed-neo4j/managed-neo4j';
import { seedIfEmpty } from './seed/seed-if-empty';
import { startServer, type RunningServer } from './server';

/**
 * `npm start`: config, database (NEO4J_URI, or the managed local Neo4j), migrations, seed when empty, HTTP.
 * Ctrl-C / SIGTERM drains HTTP, closes the driver and stops the managed Neo4j if this process started it.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let managed: ManagedNeo4j | undefined;
  let app: Application | undefined;
  let server: RunningServer | undefined;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server?.stop().catch((error: unknown) => logger.error({ err: error }, 'HTTP server did not stop cleanly'));
    if (app) {
      await app.close().then(
        () => logger.info('Neo4j driver closed'),
        (error: unknown) => logger.error({ err: error }, 'driver did not close cleanly'),
      );
    }
    if (managed) {
      await managed.stop();
      logger.info('managed Neo4j stopped');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let uri = config.neo4j.uri;
  if (uri === '') {
    const local = developmentInstance(config, (line) => logger.info(line));
    const result = await local.start();
    uri = result.uri;
    if (result.started) managed = local;
    logger.info({ uri, startedHere: result.started }, 'using the managed local Neo4j');
  }
  try {
    app = await createApplication(config, uri, logger);
    if (config.seedOnStart) await seedIfEmpty(app.repos, logger);
    server = await startServer(app.deps);
    if (stopping) return;
    logger.info({ url: server.url, sandbox: config.env !== 'production' }, `GraphQL ready at ${server.url}`);
    if (config.apiKeys.length === 0) logger.warn('API_KEYS is empty: mutations are refused until a writer key is configured');
  } catch (error) {
    if (managed) await managed.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  const readable = error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof ManagedNeo4jError;
  process.stderr.write(`ai-industry-graph: ${readable ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
