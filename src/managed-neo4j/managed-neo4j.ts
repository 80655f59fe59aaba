import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ManagedNeo4jConfig } from '../config';
import { ensureDistribution } from './distribution';
import { ManagedNeo4jError } from './managed-neo4j-error';
import { renderNeo4jConf } from './neo4j-conf';
import { javaCommand, requireJava } from './prerequisites';

const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

/** JVM flags the official `bin/neo4j` script passes; we start java ourselves, so we pass them too. */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
];

/** One named local server: its own port, data folder, logs and pid file. */
export interface ManagedInstanceOptions {
  readonly name: string;
  readonly boltPort: number;
  readonly user: string;
  readonly password: string;
  readonly heapSize: string;
  readonly pageCacheSize: string;
}

export interface ManagedStatus {
  readonly running: boolean;
  readonly pid?: number;
  readonly uri: string;
  readonly dir: string;
}

/**
 * A real Neo4j 5.26 Community server run from Maven Central jars with the machine's Java, for machines
 * without Docker. It runs detached (so `db:start` can return) and is tracked by a pid file.
 */
export class ManagedNeo4j {
  readonly dir: string;
  readonly uri: string;
  private readonly pidFile: string;
  private readonly logsDir: string;

  constructor(
    private readonly config: ManagedNeo4jConfig,
    private readonly instance: ManagedInstanceOptions,
    private readonly report: (line: string) => void = () => undefined,
  ) {
    this.dir = path.join(config.baseDir, 'instances', instance.name);
    this.uri = `bolt://127.0.0.1:${instance.boltPort}`;
    this.pidFile = path.join(this.dir, 'run', 'neo4j.pid');
    this.logsDir = path.join(this.dir, 'logs');
  }

  /** Whether this instance's server process is alive. */
  status(): ManagedStatus {
    const pid = this.livePid();
    return { running: pid !== undefined, pid, uri: this.uri, dir: this.dir };
  }

  /**
   * Starts the server unless it already runs, and resolves once Bolt answers and the DBMS has started.
   * Returns whether this call started it, so the caller knows whether it owns the process.
   */
  async start(): Promise<{ started: boolean; uri: string }> {
    const running = this.livePid();
    if (running !== undefined) {
      await this.waitUntilReady(running, undefined);
      return { started: false, uri: this.uri };
    }
    fs.rmSync(this.pidFile, { force: true });
    await assertPortFree(this.instance.boltPort);
    requireJava();
    const lib = await ensureDistribution(this.config.baseDir, this.config.version, this.report);

    const confDir = path.join(this.dir, 'conf');
    const dataDir = path.join(this.dir, 'data');
    for (const folder of [confDir, dataDir, this.logsDir, path.dirname(this.pidFile)]) fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(confDir, 'neo4j.conf'),
      renderNeo4jConf({
        boltPort: this.instance.boltPort,
        dataDir,
        logsDir: this.logsDir,
        runDir: path.dirname(this.pidFile),
        pageCacheSize: this.instance.pageCacheSize,
      }),
    );
    this.setInitialPasswordOnce(lib, confDir, dataDir);

    const neo4jLog = path.join(this.logsDir, 'neo4j.log');
    const logOffset = fs.existsSync(neo4jLog) ? fs.statSync(neo4jLog).size : 0;
    const consoleLog = fs.openSync(path.join(this.logsDir, 'console.log'), 'a');
    const child = spawn(
      javaCommand(),
      [
        `-Xms${this.instance.heapSize}`,
        `-Xmx${this.instance.heapSize}`,
        ...JVM_FLAGS,
        '-cp',
        path.join(lib, '*'),
        ENTRY_POINT,
        `--home-dir=${this.dir}`,
        `--config-dir=${confDir}`,
      ],
      { detached: true, stdio: ['ignore', consoleLog, consoleLog], cwd: this.dir },
    );
    fs.closeSync(consoleLog);
    if (child.pid === undefined) throw new ManagedNeo4jError('could not start java for Neo4j');
    child.unref();
    fs.writeFileSync(this.pidFile, `${child.pid}\n`);
    this.report(`neo4j: starting ${this.instance.name} instance (pid ${child.pid}) on ${this.uri}, logs in ${this.logsDir}`);
    try {
      await this.waitUntilReady(child.pid, logOffset);
    } catch (error) {
      this.killNow(child.pid);
      throw error;
    }
    return { started: true, uri: this.uri };
  }

  /** Deletes the instance's databases (its data folder), for owners that start every run from an empty graph. */
  wipeData(): void {
    if (this.livePid() !== undefined) throw new ManagedNeo4jError(`${this.uri} is running; stop it before wiping its data`);
    fs.rmSync(path.join(this.dir, 'data'), { recursive: true, force: true });
  }

  /** Stops the server if it runs: SIGTERM, then SIGKILL if it has not exited within the grace period. */
  async stop(graceMs = 60000): Promise<{ stopped: boolean }> {
    const pid = this.livePid();
    fs.rmSync(this.pidFile, { force: true });
    if (pid === undefined) return { stopped: false };
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(200);
    if (isAlive(pid)) this.killNow(pid);
    return { stopped: true };
  }

  /** The last lines of the server's logs, for error messages. */
  logTail(lines = 25): string {
    return ['console.log', 'neo4j.log']
      .map((name) => path.join(this.logsDir, name))
      .filter((file) => fs.existsSync(file))
      .map((file) => `--- ${file}\n${fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')}`)
      .join('\n');
  }

  private setInitialPasswordOnce(lib: string, confDir: string, dataDir: string): void {
    if (fs.existsSync(path.join(dataDir, 'dbms', 'auth.ini')) || fs.existsSync(path.join(dataDir, 'databases', 'system'))) return;
    if (this.instance.user !== 'neo4j') {
      throw new ManagedNeo4jError(`the managed Neo4j only provisions the "neo4j" user; NEO4J_USER is "${this.instance.user}"`);
    }
    const result = spawnSync(javaCommand(), ['-cp', path.join(lib, '*'), ADMIN_TOOL, 'dbms', 'set-initial-password', this.instance.password], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_HOME: this.dir, NEO4J_CONF: confDir },
    });
    if (result.status !== 0) {
      throw new ManagedNeo4jError(`could not set the initial Neo4j password: ${(result.stderr || result.stdout || '').trim()}`);
    }
  }

  /** `logOffset` is where this start's log output begins; undefined when another command started the server. */
  private async waitUntilReady(pid: number, logOffset: number | undefined): Promise<void> {
    const deadline = Date.now() + this.config.startTimeoutMs;
    const neo4jLog = path.join(this.logsDir, 'neo4j.log');
    for (;;) {
      if (!isAlive(pid)) {
        fs.rmSync(this.pidFile, { force: true });
        throw new ManagedNeo4jError(`Neo4j exited during start-up. Log tail:\n${this.logTail()}`);
      }
      const started = logOffset === undefined || readFrom(neo4jLog, logOffset).includes('INFO  Started.');
      if (started && (await portAnswers(this.instance.boltPort))) return;
      if (Date.now() > deadline) {
        throw new ManagedNeo4jError(`Neo4j did not answer on ${this.uri} within ${this.config.startTimeoutMs} ms. Log tail:\n${this.logTail()}`);
      }
      await sleep(250);
    }
  }

  private livePid(): number | undefined {
    if (!fs.existsSync(this.pidFile)) return undefined;
    const pid = Number(fs.readFileSync(this.pidFile, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
    // A recycled pid belonging to another program must not be mistaken for our server.
    const cmdline = `/proc/${pid}/cmdline`;
    if (fs.existsSync('/proc') && (!fs.existsSync(cmdline) || !fs.readFileSync(cmdline, 'utf8').includes(ENTRY_POINT))) return undefined;
    return pid;
  }

  private killNow(pid: number): void {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    fs.rmSync(this.pidFile, { force: true });
  }
}

function readFrom(file: string, offset: number): string {
  if (!fs.existsSync(file)) return '';
  const size = fs.statSync(file).size;
  if (size <= offset) return '';
  const buffer = Buffer.alloc(size - offset);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    fs.closeSync(fd);
  }
  return buffer.toString('utf8');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves true when something accepts TCP connections on the loopback port. */
export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function assertPortFree(port: number): Promise<void> {
  const taken = (await portAnswers(port)) || (await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  }));
  if (taken) {
    throw new ManagedNeo4jError(
      `Bolt port ${port} on 127.0.0.1 is already in use by another process. Stop it, or choose another port with NEO4J_LOCAL_BOLT_PORT.`,
    );
  }
}
