import net from 'node:net';
import { startServer, type RunningServer } from '../../../src/server';
import { CONNECTION_TIMEOUT_MS } from '../../../src/neo4j/driver';
import { startDisposableNeo4j, type DisposableNeo4j } from '../../support/disposable-neo4j';
import { buildServer, freePort, spawnServer, type ServerProcess } from '../../support/server-process';
import { startTestApp, testConfig, WRITER_KEY, type TestApp } from '../../support/test-app';

/**
 * The database goes away under a running server and comes back; the server starts before its database; the
 * server is stopped under load. Uses a Neo4j of its own (never the suite's shared one) and prints a timeline.
 */
const MAX_RETRY_TIME_MS = 3000;
/**
 * The longest a request may take while the database is down: the retry deadline, plus one connection attempt begun
 * just before it, plus scheduling slack for a loaded 2-core machine. A server without these bounds hangs for the
 * 10 s pool-acquisition timeout or longer, which this still catches.
 */
const FAIL_FAST_CEILING_MS = MAX_RETRY_TIME_MS + CONNECTION_TIMEOUT_MS + 2000;
const COMPANY = '{ company(id: "outage-co") { id name } }';

interface Answer {
  status: number;
  text: string;
  ms: number;
}

async function post(base: string, query: string, key?: string): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text(), ms: Date.now() - started };
}

async function statusOf(url: string): Promise<number> {
  return (await fetch(url)).status;
}

function timeline(title: string, rows: [string, number | string][]): void {
  process.stdout.write(`\n${title}\n${rows.map(([what, value]) => `  ${what.padEnd(58)} ${value}`).join('\n')}\n`);
}

/** What no client may ever see about where the database lives or what it said. */
function expectMasked(text: string, db: DisposableNeo4j): void {
  const port = new URL(db.uri.replace('bolt:', 'http:')).port;
  for (const leak of ['127.0.0.1', 'localhost', `:${port}`, 'bolt', 'Neo.', 'stacktrace', 'ServiceUnavailable']) expect(text).not.toContain(leak);
}

describe('database outage and recovery', () => {
  let db: DisposableNeo4j;
  const dbEnv = () => ({ NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password });

  beforeAll(async () => {
    buildServer();
    db = await startDisposableNeo4j();
  }, 300000);
  afterAll(async () => {
    await db?.dispose();
  }, 120000);

  describe('a running server', () => {
    let app: TestApp;
    let server: RunningServer;
    let base: string;
    beforeAll(async () => {
      app = await startTestApp({ ...dbEnv(), NEO4J_MAX_RETRY_TIME_MS: String(MAX_RETRY_TIME_MS) });
      await app.reset();
      server = await startServer({ ...app.deps, config: testConfig({ ...dbEnv(), PORT: '0' }) });
      base = server.url.replace(/\/graphql$/, '');
      const created = await post(base, 'mutation { createCompany(input: { id: "outage-co", name: "Outage Co", kind: AI_LAB }) { id } }', WRITER_KEY);
      expect(JSON.parse(created.text).errors).toBeUndefined();
    }, 120000);
    afterAll(async () => {
      await server?.stop();
      await app?.close();
    });

    it('fails fast and masked while the database is down, keeps /health up, and recovers without a restart', async () => {
      expect(JSON.parse((await post(base, COMPANY)).text).data.company.name).toBe('Outage Co');
      const stopAt = Date.now();
      await db.stop();
      const stoppedAt = Date.now();

      const failures: Answer[] = [];
      for (let i = 0; i < 12; i += 1) {
        failures.push(await post(base, COMPANY));
        failures.push(await post(base, 'mutation { createCompany(input: { id: "during-outage", name: "During Outage", kind: AI_LAB }) { id } }', WRITER_KEY));
      }
      for (const failure of failures) {
        expect(failure.status).toBe(200);
        const body = JSON.parse(failure.text);
        expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(failure.ms).toBeLessThan(FAIL_FAST_CEILING_MS);
        expectMasked(failure.text, db);
      }
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(503);
      expectMasked(await ready.text(), db);
      expect(await statusOf(`${base}/health`)).toBe(200);

      const restartAt = Date.now();
      await db.start();
      const upAt = Date.now();
      let recoveredAt = 0;
      let answer: Answer | undefined;
      while (Date.now() - upAt < 30000) {
        answer = await post(base, COMPANY);
        if (!JSON.parse(answer.text).errors) {
          recoveredAt = Date.now();
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(recoveredAt).toBeGreaterThan(0);
      expect(JSON.parse(answer!.text).data.company.name).toBe('Outage Co');
      expect(await statusOf(`${base}/ready`)).toBe(200);
      // Nothing was written while the database was away.
      expect(JSON.parse((await post(base, '{ company(id: "during-outage") { id } }')).text).data.company).toBeNull();

      const ms = failures.map((f) => f.ms).sort((a, b) => a - b);
      timeline(`outage timeline (${db.kind} Neo4j)`, [
        ['database stop took (ms)', stoppedAt - stopAt],
        ['requests during outage (all SERVICE_UNAVAILABLE)', failures.length],
        ['their latency min / median / max (ms)', `${ms[0]} / ${ms[Math.floor(ms.length / 2)]} / ${ms[ms.length - 1]}`],
        ['/ready during outage', 503],
        ['/health during outage', 200],
        ['database restart took (ms)', upAt - restartAt],
        ['first successful request after database up (ms)', recoveredAt - upAt],
      ]);
    }, 240000);
  });

  describe('the server process', () => {
    let server: ServerProcess | undefined;
    afterAll(async () => {
      if (server && server.child.exitCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    });

    it('started before its database, waits and retries, then serves', async () => {
      await db.stop();
      const port = await freePort();
      server = spawnServer({ ...dbEnv(), NEO4J_CONNECT_RETRIES: '120', NEO4J_CONNECT_RETRY_DELAY_MS: '500', SEED_ON_START: 'false', API_KEYS: WRITER_KEY, LOG_LEVEL: 'info' }, port);
      const spawnedAt = Date.now();
      await server.waitForLog(/Neo4j not reachable yet, retrying/, 30000);
      expect(server.child.exitCode).toBeNull();
      await expect(fetch(`${server.base}/health`)).rejects.toThrow();

      await db.start();
      const upAt = Date.now();
      await server.waitForLog(/GraphQL ready/, 60000);
      const servingAt = Date.now();
      expect(JSON.parse((await post(server.base, COMPANY)).text).data.company.name).toBe('Outage Co');
      expect(server.lines.join('\n')).not.toContain(db.password);
      timeline('start-up before the database', [
        ['retries logged while the database was down', server.lines.filter((l) => l.includes('not reachable yet')).length],
        ['database down for (ms)', upAt - spawnedAt],
        ['serving after database up (ms)', servingAt - upAt],
      ]);
    }, 240000);

    it('on SIGTERM under load, finishes in-flight requests, refuses new ones, closes the driver and exits 0', async () => {
      const running = server!;
      // A request whose body is still arriving when the signal lands: it is in flight and must be answered.
      const body = JSON.stringify({ query: COMPANY });
      const socket = net.connect(Number(new URL(running.base).port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      let slowResponse = '';
      socket.on('data', (chunk) => (slowResponse += chunk.toString('utf8')));
      const slowDone = new Promise<void>((resolve) => socket.once('close', resolve));
      socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);

      // Load: 10 clients sending queries back to back until the server stops accepting them.
      const outcomes = { ok: 0, refused: 0, bad: [] as string[] };
      let loading = true;
      const client = async () => {
        while (loading) {
          try {
            const answer = await post(running.base, '{ companies(first: 20) { edges { node { id investmentsReceived { id investor { id } } competitors { id } } } } }');
            if (answer.status === 200 && !JSON.parse(answer.text).errors) outcomes.ok += 1;
            else outcomes.bad.push(`${answer.status} ${answer.text.slice(0, 200)}`);
          } catch (error) {
            // After the signal the listener is closed: a refused connection is the correct answer to a new request.
            const code = (error as { cause?: { code?: string } }).cause?.code;
            if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') outcomes.refused += 1;
            else outcomes.bad.push(String(error));
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }
      };
      const clients = Array.from({ length: 10 }, client);
      // Signal only once the load is flowing (first queries are slow while Neo4j plans them and the JIT warms up).
      const loadDeadline = Date.now() + 30000;
      while (outcomes.ok < 20 && outcomes.bad.length === 0 && Date.now() < loadDeadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const okBeforeSignal = outcomes.ok;
      const refusedBeforeSignal = outcomes.refused;
      const signalAt = Date.now();
      running.child.kill('SIGTERM');
      await running.waitForLog(/shutting down/, 5000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      socket.write(body.slice(10));
      await slowDone;
      const code = await running.exited;
      const exitedAt = Date.now();
      loading = false;
      await Promise.all(clients);

      expect(slowResponse).toMatch(/^HTTP\/1\.1 200/);
      expect(slowResponse).toContain('"name":"Outage Co"');
      expect(code).toBe(0);
      expect(outcomes.bad).toEqual([]);
      expect(refusedBeforeSignal).toBe(0);
      expect(okBeforeSignal).toBeGreaterThanOrEqual(20);
      const log = running.lines.join('\n');
      expect(log).toContain('Neo4j driver closed');
      expect(log.indexOf('shutting down')).toBeLessThan(log.indexOf('Neo4j driver closed'));
      timeline('SIGTERM under load', [
        ['requests answered before the signal', okBeforeSignal],
        ['requests answered in all (none failed)', outcomes.ok],
        ['new connections refused after the signal', outcomes.refused],
        ['in-flight request completed after the signal', 'yes (200)'],
        ['signal to exit 0 (ms)', exitedAt - signalAt],
      ]);
    }, 120000);
  });
});
