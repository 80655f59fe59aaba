import type { AppConfig } from '../config';
import { ManagedNeo4j } from './managed-neo4j';

/** The development instance `npm start` and `npm run db:*` use: the configured port, password and memory. */
export function developmentInstance(config: AppConfig, report?: (line: string) => void): ManagedNeo4j {
  return new ManagedNeo4j(
    config.managed,
    {
      name: 'dev',
      boltPort: config.managed.boltPort,
      user: config.neo4j.user,
      password: config.neo4j.password,
      heapSize: config.managed.heapSize,
      pageCacheSize: config.managed.pageCacheSize,
    },
    report,
  );
}

/** Port of the separate instance the test suite uses, so tests never touch development data. */
export const TEST_BOLT_PORT = Number(process.env.NEO4J_TEST_BOLT_PORT ?? 7688);

/** The test instance: its own port and data folder (one per port, so parallel suites never share), smaller memory. */
export function testInstance(config: AppConfig, report?: (line: string) => void): ManagedNeo4j {
  return new ManagedNeo4j(
    config.managed,
    { name: TEST_BOLT_PORT === 7688 ? 'test' : `test-${TEST_BOLT_PORT}`, boltPort: TEST_BOLT_PORT, user: 'neo4j', password: 'test-password', heapSize: '1g', pageCacheSize: '512m' },
    report,
  );
}

/** Port of the instance `npm run bench` owns (generated graphs of up to 100k companies; wiped per scale). */
export const BENCH_BOLT_PORT = Number(process.env.NEO4J_BENCH_BOLT_PORT ?? 7691);

/** Credentials of the benchmark's instance, which the benchmark's servers connect with. */
export const BENCH_CREDENTIALS = Object.freeze({ user: 'neo4j', password: 'bench-password' });

/** The benchmark's instance: sized like the development one, since it holds the largest graphs. */
export function benchInstance(config: AppConfig, report?: (line: string) => void): ManagedNeo4j {
  return new ManagedNeo4j(
    config.managed,
    { name: 'bench', boltPort: BENCH_BOLT_PORT, ...BENCH_CREDENTIALS, heapSize: config.managed.heapSize, pageCacheSize: config.managed.pageCacheSize },
    report,
  );
}
