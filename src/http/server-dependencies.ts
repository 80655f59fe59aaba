import type { GraphQLSchema } from 'graphql';
import type { ChangeFeed } from '../changes/change-feed';
import type { WatchStats } from '../changes/watch-engine';
import type { AppConfig } from '../config';
import type { Database } from '../neo4j/database';
import type { Logger } from '../platform/logger';

/** What the HTTP server and the GraphQL transports need from the application, wired once per process. */
export interface ServerDependencies<Loaders> {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly schema: GraphQLSchema;
  readonly db: Database;
  /** Pings the database, for /ready and the `neo4j_up` metric. */
  readonly ping: () => Promise<void>;
  readonly createLoaders: () => Loaders;
  /** This process's follower of the change log, which subscriptions read (absent: no subscriptions served). */
  readonly feed?: ChangeFeed;
  /** This process's watch engine, for /metrics (absent: no watches answered). */
  readonly watches?: { stats(): WatchStats };
}
