import type { Driver } from 'neo4j-driver';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from './config';
import type { Logger } from './platform/logger';
import { createLoaders, type Loaders } from './loaders';
import { CypherCatalog } from './neo4j/cypher-catalog';
import { defineFactFragments } from './neo4j/facts/fact-fragments';
import { Database } from './neo4j/database';
import { createDriver, driverSettings } from './neo4j/driver';
import { applyMigrations } from './neo4j/migrate';
import { waitForDatabase } from './neo4j/wait-for-database';
import { createRepositories, type Repositories } from './repositories';
import { buildAppSchema } from './schema';
import { fixToday } from './domain/today';
import type { ServerDependencies } from './server';

/** Everything the server needs, wired once per process. */
export interface Application {
  readonly driver: Driver;
  readonly db: Database;
  readonly catalog: CypherCatalog;
  readonly repos: Repositories;
  readonly schema: GraphQLSchema;
  readonly deps: ServerDependencies<Loaders>;
  close(): Promise<void>;
}

/**
 * Connects to Neo4j at `uri` (waiting for it), applies migrations and builds the schema. The Cypher catalog and
 * repositories are built before anything else, so a missing Cypher file fails here, at boot.
 */
export async function createApplication(config: AppConfig, uri: string, logger: Logger): Promise<Application> {
  fixToday(config.today);
  const catalog = new CypherCatalog();
  defineFactFragments(catalog);
  const driver = createDriver(driverSettings(config, uri), logger);
  try {
    const db = new Database(driver, {
      database: config.neo4j.database,
      transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
      unavailableCooldownMs: config.neo4j.unavailableCooldownMs,
    });
    const repos = createRepositories(db, catalog, config.analytics.scanLimits);
    await waitForDatabase(
      driver,
      { uri, database: config.neo4j.database, retries: config.neo4j.connectRetries, delayMs: config.neo4j.connectRetryDelayMs },
      logger,
    );
    await applyMigrations(db, catalog, logger);
    const schema = await buildAppSchema(repos);
    const ping = catalog.get('system/ping');
    const deps: ServerDependencies<Loaders> = {
      config,
      logger,
      schema,
      db,
      ping: async () => {
        await db.readRows(ping);
      },
      createLoaders: () => createLoaders(repos),
    };
    return { driver, db, catalog, repos, schema, deps, close: () => driver.close() };
  } catch (error) {
    await driver.close();
    throw error;
  }
}
