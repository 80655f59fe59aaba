import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ManagedNeo4j } from '../../src/managed-neo4j/managed-neo4j';
import { dockerAnswers } from './docker-answers';

/**
 * A Neo4j server of its own that a test may stop and start again (an outage), never the suite's shared database.
 * Its address stays the same across restarts, like a real database host coming back.
 */
export interface DisposableNeo4j {
  readonly kind: 'managed' | 'testcontainers';
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Stops the server process; data is kept. */
  stop(): Promise<void>;
  /** Starts it again on the same address; resolves once it accepts Bolt. */
  start(): Promise<void>;
  /** Stops it for good. */
  dispose(): Promise<void>;
}

interface ManagedDisposable extends DisposableNeo4j {
  /** Deletes its data folder (it must be stopped). */
  wipe(): void;
}

const PASSWORD = 'chaos-password';
/** Port of the outage server; kept apart from the development (7687) and test (7688) servers. */
const CHAOS_BOLT_PORT = Number(process.env.NEO4J_CHAOS_BOLT_PORT ?? 7689);

/** What a disposable server is for: its name, port and whether it starts from an empty data folder. */
export interface DisposableOptions {
  readonly name: string;
  readonly port: number;
  /** Start from nothing (no data, no statistics), as a server on a new machine does. */
  readonly fresh: boolean;
}

const CHAOS: DisposableOptions = { name: 'chaos', port: CHAOS_BOLT_PORT, fresh: false };

function managedServer(options: DisposableOptions): ManagedDisposable {
  const config = loadConfig({ ...process.env, NEO4J_URI: '' });
  const log = (line: string) => process.stdout.write(`[${options.name}-db] ${line}\n`);
  const server = new ManagedNeo4j(
    config.managed,
    { name: `${options.name}-${options.port}`, boltPort: options.port, user: 'neo4j', password: PASSWORD, heapSize: '512m', pageCacheSize: '128m' },
    log,
  );
  return {
    kind: 'managed',
    uri: server.uri,
    user: 'neo4j',
    password: PASSWORD,
    stop: async () => void (await server.stop()),
    start: async () => void (await server.start()),
    dispose: async () => void (await server.stop()),
    wipe: () => server.wipeData(),
  };
}

async function containerServer(options: DisposableOptions): Promise<DisposableNeo4j> {
  const { GenericContainer, Wait } = await import('testcontainers');
  // A fixed host port and a host data folder, so a restarted container is the same database at the same address.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-industry-graph-chaos-'));
  const launch = () =>
    // The same patch release as the managed server, so plans recorded on one hold on the other.
    new GenericContainer(`neo4j:${loadConfig({ ...process.env, NEO4J_URI: '' }).managed.version}-community`)
      .withEnvironment({ NEO4J_AUTH: `neo4j/${PASSWORD}` })
      .withExposedPorts({ container: 7687, host: options.port })
      .withBindMounts([{ source: dataDir, target: '/data' }])
      .withWaitStrategy(Wait.forLogMessage('Started.'))
      .start();
  let container: Awaited<ReturnType<typeof launch>> | undefined = await launch();
  return {
    kind: 'testcontainers',
    uri: `bolt://127.0.0.1:${options.port}`,
    user: 'neo4j',
    password: PASSWORD,
    stop: async () => {
      await container?.stop();
      container = undefined;
    },
    start: async () => {
      container ??= await launch();
    },
    dispose: async () => {
      await container?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a server of the test's own (outage tests by default): in a container where a Docker engine answers, else a
 * managed local one, emptied first when `fresh`.
 */
export async function startDisposableNeo4j(options: DisposableOptions = CHAOS): Promise<DisposableNeo4j> {
  if (await dockerAnswers()) return containerServer(options);
  const server = managedServer(options);
  if (options.fresh) {
    await server.stop();
    server.wipe();
  }
  await server.start();
  return server;
}
