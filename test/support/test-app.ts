import type { ApolloServer } from '@apollo/server';
import { createApplication, type Application } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config';
import type { RequestContext } from '../../src/graphql/context';
import { createLogger } from '../../src/platform/logger';
import { loadDataset } from '../../src/seed/load-dataset';
import { executeOperation } from '../../scripts/bench/execute-operation';
import type { QueryStats } from '../../src/neo4j/query-stats';
import { createApollo } from '../../src/server';
import { TEST_TODAY } from './test-today';

export const WRITER_KEY = 'test-writer-key';
export const READER_KEY = 'test-reader-key';

/** Config pointing at the suite's database (chosen by global setup), with today fixed to TEST_TODAY. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: process.env.NEO4J_TEST_URI,
    NEO4J_USER: process.env.NEO4J_TEST_USER,
    NEO4J_PASSWORD: process.env.NEO4J_TEST_PASSWORD,
    NEO4J_CONNECT_RETRIES: '3',
    API_KEYS: WRITER_KEY,
    READER_API_KEYS: READER_KEY,
    TODAY: TEST_TODAY,
    // Webhook deliveries poll the database in every process that delivers; only the webhook suites deliver.
    WEBHOOK_DISPATCH: 'false',
    // Suites that run as production (limits, hostile input, fuzzing) send bursts a rate limit would refuse;
    // the rate-limit suite sets its own.
    RATE_LIMIT_RPS: '0',
    // Planning the write statements at start would load the shared Neo4j behind every suite's back (a replan after each
    // reset's new statistics); warm-plans.test.ts turns it on.
    NEO4J_WARM_PLANS: 'false',
    ...overrides,
  });
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
  roundTrips: number;
}

/** A wired application plus an in-process GraphQL executor (full Apollo pipeline, no HTTP). */
export interface TestApp extends Application {
  apollo: ApolloServer<RequestContext>;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: { key?: string }): Promise<GraphQLResult<T>>;
  /** Deletes all data (not the schema or migration records). */
  reset(): Promise<void>;
  /** The graph's node and relationship counts (the change log left out), to prove rejected writes wrote nothing. */
  counts(): Promise<{ nodes: number; relationships: number }>;
  /** The change log's last sequence number (0 when empty), to prove a rejected write logged nothing. */
  lastChange(): Promise<number>;
}

export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const logger = createLogger((process.env.TEST_LOG_LEVEL as 'silent') ?? 'silent');
  const app = await createApplication(config, config.neo4j.uri, logger);
  const apollo = createApollo(app.deps);
  await apollo.start();
  return {
    ...app,
    apollo,
    async gql(query, variables, options) {
      const stats: QueryStats = { roundTrips: 0 };
      const response = await executeOperation(apollo, app.deps, { query, variables }, stats, options?.key ? `Bearer ${options.key}` : undefined);
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      const { data, errors } = response.body.singleResult;
      return { data: data as never, errors: errors as GraphQLResult['errors'], roundTrips: stats.roundTrips };
    },
    async reset() {
      await app.db.writeRows('MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
      // The log starts again from 1: this process must know before the next write, or it skips what is numbered
      // below what it had read.
      await app.deps.feed?.resync();
    },
    async counts() {
      // The graph only: the change log's nodes (labelled Meta) are counted by lastChange, the stored rankings derive from the facts.
      const [row] = await app.db.readRows(
        'CALL () { MATCH (n) WHERE NOT n:Migration AND NOT n:Meta AND NOT n:CompanyRankings RETURN count(n) AS nodes } CALL () { MATCH (a)-[r]->(b) WHERE NOT a:Meta AND NOT b:Meta RETURN count(r) AS relationships } RETURN nodes, relationships',
      );
      return row as { nodes: number; relationships: number };
    },
    async lastChange() {
      const [row] = await app.db.readRows("OPTIONAL MATCH (h:ChangeLog {id: 'head'}) RETURN coalesce(h.seq, 0) AS seq");
      return row?.seq as number;
    },
    async close() {
      await apollo.stop();
      await app.close();
    },
  };
}

/** A test app on a database holding exactly the seed dataset, where the read-only suites start. */
export async function startSeededTestApp(): Promise<TestApp> {
  const app = await startTestApp();
  await app.reset();
  await loadDataset(app.repos);
  return app;
}

/**
 * The hooks of a suite that only reads the seed data: one seeded app for the file, emptied and closed after it.
 * Returns an accessor because the app exists only once `beforeAll` has run.
 */
export function useSeededTestApp(startTimeoutMs?: number): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startSeededTestApp();
  }, startTimeoutMs);
  afterAll(async () => {
    await app?.reset();
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('the seeded test app is used before beforeAll started it');
    return app;
  };
}
