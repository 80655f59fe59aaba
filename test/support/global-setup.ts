import { loadConfig } from '../../src/config';
import { testInstance } from '../../src/managed-neo4j/instances';
import { dockerEnvironment } from '../../src/platform/neo4j-server-settings';
import { dockerAnswers } from './docker-answers';

/** How the suite reaches Neo4j, chosen once: explicit URI, then testcontainers, then the managed test server. */
interface TestDatabase {
  strategy: 'NEO4J_URI' | 'testcontainers' | 'managed';
  stop?: () => Promise<void>;
}

declare global {
  var __TEST_DATABASE__: TestDatabase | undefined;
}

export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stdout.write(`[test-db] ${line}\n`);
  if (process.env.NEO4J_URI) {
    process.env.NEO4J_TEST_URI = process.env.NEO4J_URI;
    process.env.NEO4J_TEST_USER = process.env.NEO4J_USER ?? 'neo4j';
    process.env.NEO4J_TEST_PASSWORD = process.env.NEO4J_PASSWORD ?? '';
    globalThis.__TEST_DATABASE__ = { strategy: 'NEO4J_URI' };
    log(`using NEO4J_URI ${process.env.NEO4J_URI}`);
    return;
  }
  if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer(`neo4j:${loadConfig({ ...process.env, NEO4J_URI: '' }).managed.version}-community`).withPassword('test-password').withEnvironment(dockerEnvironment()).start();
    process.env.NEO4J_TEST_URI = container.getBoltUri();
    process.env.NEO4J_TEST_USER = container.getUsername();
    process.env.NEO4J_TEST_PASSWORD = container.getPassword();
    globalThis.__TEST_DATABASE__ = { strategy: 'testcontainers', stop: async () => void (await container.stop()) };
    log(`testcontainers: ${process.env.NEO4J_TEST_URI}`);
    return;
  }
  const config = loadConfig({ ...process.env, NEO4J_URI: '' });
  const server = testInstance(config, log);
  const { started, uri } = await server.start();
  process.env.NEO4J_TEST_URI = uri;
  process.env.NEO4J_TEST_USER = 'neo4j';
  process.env.NEO4J_TEST_PASSWORD = 'test-password';
  const keep = process.env.NEO4J_TEST_KEEP === '1';
  globalThis.__TEST_DATABASE__ = { strategy: 'managed', stop: started && !keep ? async () => void (await server.stop()) : undefined };
  log(`no Docker engine: managed Neo4j test instance on ${uri} (${started ? 'started' : 'already running'})`);
}
