import 'reflect-metadata';
import cluster from 'node:cluster';
import { createApplication, type Application } from './app';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { loadDotEnv } from './platform/dotenv';
import { createLogger, type Logger } from './platform/logger';
import { DatabaseUnavailableError } from './neo4j/database-unavailable-error';
import { developmentInstance } from './managed-neo4j/instances';
import { ManagedNeo4jError } from './managed-neo4j/managed-neo4j-error';
import type { ManagedNeo4j } from './managed-neo4j/managed-neo4j';
import { seedIfEmpty } from './seed/seed-if-empty';
import { startServer, type RunningServer } from './server';
import { startWorkers, WorkerStartError, type WorkerPool } from './cluster/primary';
import { SKIP_SETUP_ENV, WORKER_READY } from './cluster/worker-messages';

/**
 * `npm start`: config, database (NEO4J_URI, or the managed local Neo4j), migrations, seed when empty, HTTP.
 * With API_WORKERS > 1 this process is the primary: it starts the managed Neo4j if needed and forks the workers
 * (src/cluster/primary.ts), each of which runs `serve` below, the first with the migrations and seed.
 * Ctrl-C / SIGTERM drains HTTP, closes the driver and stops the managed Neo4j if this process started it.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  if (cluster.isWorker) return serve(config, process.env[SKIP_SETUP_ENV] !== '1');
  const logger = createLogger(config.logLevel);
  if (config.http.workers <= 1) return serve(config, true);
  let managed: ManagedNeo4j | undefined;
  let pool: WorkerPool | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down the workers');
    await pool?.stop();
    logger.info('workers stopped');
    if (managed) {
      await managed.stop();
      logger.info('managed Neo4j stopped');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    let uri = config.neo4j.uri;
    if (uri === '') ({ uri, managed } = await startManaged(config, logger));
    pool = await startWorkers(config.http.workers, { NEO4J_URI: uri }, logger);
    if (stopping) return;
    logger.info({ url: pool.url, workers: config.http.workers }, `GraphQL ready at ${pool.url}`);
  } catch (error) {
    if (managed) await managed.stop();
    throw error;
  }
}

async function startManaged(config: AppConfig, logger: Logger): Promise<{ uri: string; managed: ManagedNeo4j | undefined }> {
  const local = developmentInstance(config, (line) => logger.info(line));
  const result = await local.start();
  logger.info({ uri: result.uri, startedHere: result.started }, 'using the managed local Neo4j');
  return { uri: result.uri, managed: result.started ? local : undefined };
}

/** One serving process: the only one (API_WORKERS=1), or a worker; `setup`: apply migrations and seed when empty. */
async function serve(config: AppConfig, setup: boolean): Promise<void> {
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
  // A worker whose primary is gone (killed outright) has no one to restart or stop it: it stops itself.
  if (cluster.isWorker) process.once('disconnect', () => void shutdown('primary gone'));

  let uri = config.neo4j.uri;
  if (uri === '') ({ uri, managed } = await startManaged(config, logger));
  try {
    app = await createApplication(config, uri, logger, { migrate: setup });
    if (setup && config.seedOnStart) await seedIfEmpty(app.repos, logger);
    server = await startServer(app.deps);
    if (stopping) return;
    if (cluster.isWorker) {
      process.send?.({ type: WORKER_READY, url: server.url });
      return;
    }
    logger.info({ url: server.url, sandbox: config.env !== 'production' }, `GraphQL ready at ${server.url}`);
    if (config.apiKeys.length === 0) logger.warn('API_KEYS is empty: mutations are refused until a writer key is configured');
  } catch (error) {
    if (managed) await managed.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  const readable = error instanceof ConfigError || error instanceof WorkerStartError || error instanceof DatabaseUnavailableError || error instanceof ManagedNeo4jError;
  process.stderr.write(`ai-industry-graph: ${readable ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
