import type { Driver } from 'neo4j-driver';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from './config';
import type { Logger } from './platform/logger';
import { createLoaders, type Loaders } from './loaders';
import { CypherCatalog } from './neo4j/cypher-catalog';
import { defineFactFragments } from './neo4j/facts/fact-fragments';
import { defineChangeFragments } from './neo4j/changes/change-fragments';
import { Database } from './neo4j/database';
import { createDriver, driverSettings } from './neo4j/driver';
import { applyMigrations } from './neo4j/migrate';
import { warmWritePlans, type WarmUp } from './neo4j/facts/warm-write-plans';
import { waitForDatabase } from './neo4j/wait-for-database';
import { createRepositories, type Repositories } from './repositories';
import { buildAppSchema } from './schema';
import { fixToday } from './domain/today';
import type { ServerDependencies } from './http/server-dependencies';
import { ChangeFeed } from './changes/change-feed';
import { WatchEngine, type Answerer } from './changes/watch-engine';
import { WatchRepository } from './changes/watch.repository';
import { createContext } from './http/request-context';
import { execute, parse, validate, type DocumentNode } from 'graphql';
import { ChangeLogRetention } from './changes/change-retention';
import { WebhookDispatcher } from './changes/webhook-dispatcher';

/** Everything the server needs, wired once per process. */
export interface Application {
  readonly driver: Driver;
  readonly db: Database;
  readonly catalog: CypherCatalog;
  readonly repos: Repositories;
  readonly schema: GraphQLSchema;
  readonly deps: ServerDependencies<Loaders>;
  /** Standing questions that alert (docs/changes.md). */
  readonly watches: WatchEngine;
  /** The write statements planned ahead in the background (NEO4J_WARM_PLANS); null when off. */
  readonly warmUp: Promise<WarmUp> | null;
  close(): Promise<void>;
}

/**
 * Connects to Neo4j at `uri` (waiting for it), applies migrations and builds the schema. The Cypher catalog and
 * repositories are built before anything else, so a missing Cypher file fails here, at boot.
 */
export async function createApplication(
  config: AppConfig,
  uri: string,
  logger: Logger,
  /** migrate false: another process of the same start applies them (several workers: the first one, before the others start).
   * serve false: a command-line tool (import, seed, export), which starts none of a server's background work: no plan
   * warm-up, watches, webhook deliveries or change-log retention (an import's batches competed with them). */
  options: { migrate?: boolean; serve?: boolean } = {},
): Promise<Application> {
  fixToday(config.today);
  const catalog = new CypherCatalog();
  defineFactFragments(catalog);
  defineChangeFragments(catalog);
  const driver = createDriver(driverSettings(config, uri), logger);
  // Set on close (or a failed start), so the plan warm-up stops and does not report the closed driver as a failure.
  let closing = false;
  try {
    const db = new Database(driver, {
      database: config.neo4j.database,
      transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
      maintenanceTimeoutMs: config.neo4j.maintenanceTimeoutMs,
      unavailableCooldownMs: config.neo4j.unavailableCooldownMs,
    });
    const repos = createRepositories(db, catalog, config.analytics.scanLimits, config.webhooks);
    await waitForDatabase(
      driver,
      { uri, database: config.neo4j.database, retries: config.neo4j.connectRetries, delayMs: config.neo4j.connectRetryDelayMs },
      logger,
    );
    if (options.migrate !== false) await applyMigrations(db, catalog, logger);
    const serve = options.serve !== false;
    const warmUp = serve && config.neo4j.warmPlans ? warmWritePlans(repos.facts.values(), logger, () => closing) : null;
    // One follower of the change log per process, shared by every subscription (and the watches) it serves.
    const feed = new ChangeFeed(repos.changes, db, {
      pollMs: config.changes.pollMs,
      ringSize: 5000,
      maxFollowers: config.changes.maxSubscriptions,
      maxLag: config.changes.maxLag,
    }, logger);
    // Watches answer their questions through this very schema, as a reader would; both exist only once it is built.
    let answerWith: { schema: GraphQLSchema; deps: ServerDependencies<Loaders> } | null = null;
    // Their documents are a closed set (the watch questions' own): each is parsed and validated once, not per answer.
    const prepared = new Map<string, DocumentNode>();
    const answer: Answerer = async (source, variables) => {
      if (!answerWith) throw new Error('the schema is not built yet');
      let document = prepared.get(source);
      if (!document) {
        document = parse(source);
        const [invalid] = validate(answerWith.schema, document);
        if (invalid) throw invalid;
        prepared.set(source, document);
      }
      const result = await execute({ schema: answerWith.schema, document, variableValues: variables, contextValue: createContext(answerWith.deps, undefined, { roundTrips: 0 }) });
      if (result.errors?.length) throw result.errors[0]?.originalError ?? result.errors[0];
      return result.data as Record<string, unknown>;
    };
    const watchEngine = new WatchEngine(new WatchRepository(db, catalog), feed, answer, { perKey: config.changes.watchesPerKey, reloadMs: 2000, dayCheckMs: 60000 }, logger);
    const schema = await buildAppSchema({ ...repos, watchEngine });
    const ping = catalog.get('system/ping');
    const retention = config.changes.retentionDays === null ? null : new ChangeLogRetention(repos.changes, config.changes.retentionDays, logger);
    if (serve) retention?.start();
    // Webhook deliveries: every process may deliver; a lease in Neo4j makes each delivery once across them.
    const webhooks = config.webhooks.dispatch ? new WebhookDispatcher(repos.webhooks, repos.changes, db, repos.webhookHttp, config.webhooks, logger) : null;
    if (serve) webhooks?.start();
    const deps: ServerDependencies<Loaders> = {
      config,
      logger,
      schema,
      db,
      ping: async () => {
        await db.readRows(ping);
      },
      createLoaders: () => createLoaders(repos),
      feed,
      watches: watchEngine,
    };
    answerWith = { schema, deps };
    if (serve) await watchEngine.start();
    return {
      driver,
      db,
      catalog,
      repos,
      schema,
      deps,
      watches: watchEngine,
      warmUp,
      close: async () => {
        closing = true;
        await watchEngine.stop();
        feed.stop();
        await webhooks?.stop();
        await retention?.stop();
        await driver.close();
      },
    };
  } catch (error) {
    closing = true;
    await driver.close();
    throw error;
  }
}
