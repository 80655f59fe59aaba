import { createClient, type Client } from 'graphql-ws/client';
import neo4j from 'neo4j-driver';
import WebSocket from 'ws';
import { startServer } from '../../../src/server';
import { startDisposableNeo4j, type DisposableNeo4j } from '../../support/disposable-neo4j';
import { buildServer, freePort, spawnServer, type ServerProcess } from '../../support/server-process';
import { startTestApp, testConfig, WRITER_KEY, type TestApp } from '../../support/test-app';

/**
 * Two failures the change log must survive, on a Neo4j of the test's own (never the suite's shared one):
 * 1. an API process SIGKILLed in the middle of a write load, beside a second process that keeps running;
 * 2. Neo4j stopped and started again under a write load.
 * In both, every acknowledged write has exactly one change, the log's seqs run 1..N with no gap or repeat, and every
 * subscriber (reconnecting with `after: <last seq>` when its connection ends) gets every change once, in seq order.
 * Each test prints its figures.
 */
const CHAOS_PORT = Number(process.env.NEO4J_CHANGES_CHAOS_BOLT_PORT ?? 7693);
const SUBSCRIPTION = 'subscription($after: String) { changes(after: $after) { seq entityId kind } }';
const PAGE = 'query($after: String) { changes(first: 100, after: $after) { edges { node { seq entityId kind } } pageInfo { hasNextPage endCursor } } }';
/** How long a subscriber waits before it opens a new connection after losing one (or failing to open one). */
const RECONNECT_DELAY_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function timeline(title: string, rows: [string, number | string][]): void {
  process.stdout.write(`\n${title}\n${rows.map(([what, value]) => `  ${what.padEnd(62)} ${value}`).join('\n')}\n`);
}

/** Resolves with how long `condition` took to hold; throws after `timeoutMs` naming `what`. */
async function waitFor(condition: () => boolean, timeoutMs: number, what: () => string): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await sleep(50);
  }
  return Date.now() - started;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(base: string, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${WRITER_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

// ---------------------------------------------------------------------------------------------------------------
// The write load: concurrent clients creating companies with unique ids and, one write in four, changing the website
// of one they created to a unique value. Each attempt is identified by the change it must leave (its mark).

type Outcome = 'acknowledged' | 'refused' | 'no answer';

interface Attempt {
  /** The change this write leaves if it commits: "CREATED <id>" or "UPDATED <id> <website>", unique per attempt. */
  readonly mark: string;
  readonly startedAt: number;
  endedAt: number | null;
  outcome: Outcome | null;
  /** The error code of a refusal, or the socket error of a request that got no answer. */
  code: string | null;
}

/** One write: creates company `id`, or (with `website`) sets the website of company `id`; records what came back. */
async function attemptWrite(base: string, id: string, website: string | null, attempts?: Attempt[]): Promise<Attempt> {
  const { field, query, mark } = website
    ? { field: 'updateCompany', query: `mutation { updateCompany(id: "${id}", input: { website: "${website}" }) { id } }`, mark: `UPDATED ${id} ${website}` }
    : { field: 'createCompany', query: `mutation { createCompany(input: { id: "${id}", name: "Chaos ${id}", kind: OTHER }) { id } }`, mark: `CREATED ${id}` };
  return attemptOf(mark, field, id, base, query, attempts);
}

/** Warms a process up (the first writes on a cold Neo4j and a cold server take seconds): a creation and an update. */
async function warmUp(base: string, id: string): Promise<Attempt[]> {
  const attempts = [await attemptWrite(base, id, null), await attemptWrite(base, id, `https://${id}.example.com`)];
  const failed = attempts.filter((attempt) => attempt.outcome !== 'acknowledged');
  if (failed.length > 0) throw new Error(`warm-up writes failed: ${failed.map((attempt) => `${attempt.mark}: ${attempt.outcome} ${attempt.code}`).join(', ')}`);
  return attempts;
}

/** The attempt a load records before its answer is in: pushed first, so a kill sees it in flight. */
function attemptOf(mark: string, field: string, id: string, base: string, query: string, attempts?: Attempt[]): Promise<Attempt> {
  const attempt: Attempt = { mark, startedAt: Date.now(), endedAt: null, outcome: null, code: null };
  attempts?.push(attempt);
  return post(base, query).then(
    ({ status, body }) => {
      attempt.endedAt = Date.now();
      if (status === 200 && !body.errors && body.data?.[field]?.id === id) {
        attempt.outcome = 'acknowledged';
      } else {
        attempt.outcome = 'refused';
        attempt.code = body.errors?.[0]?.extensions?.code ?? `HTTP ${status}`;
      }
      return attempt;
    },
    (error: unknown) => {
      attempt.endedAt = Date.now();
      attempt.outcome = 'no answer';
      attempt.code = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
      return attempt;
    },
  );
}

class WriteLoad {
  readonly attempts: Attempt[] = [];
  readonly startedAt = Date.now();
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(clients: number, private readonly target: () => string, prefix: string) {
    this.loops = range(1, clients).map((client) => this.client(`${prefix}${client}`));
  }

  acknowledged(): Attempt[] {
    return this.attempts.filter((attempt) => attempt.outcome === 'acknowledged');
  }

  inFlight(): Attempt[] {
    return this.attempts.filter((attempt) => attempt.outcome === null);
  }

  /** Resolves once `count` writes were acknowledged and `minMs` passed, or `maxMs` passed; throws if under `atLeast`. */
  async flowing(count: number, minMs: number, maxMs: number, atLeast: number): Promise<void> {
    await waitFor(() => (this.acknowledged().length >= count && Date.now() - this.startedAt >= minMs) || Date.now() - this.startedAt > maxMs, maxMs + 5000, () => 'the load');
    if (this.acknowledged().length < atLeast) throw new Error(`the load got ${this.acknowledged().length} writes acknowledged in ${Date.now() - this.startedAt} ms; answers: ${codes(this.attempts)}`);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async client(name: string): Promise<void> {
    const created: string[] = [];
    for (let i = 0; this.running; i += 1) {
      const update = i % 4 === 3 && created.length > 0;
      const id = update ? created[i % created.length]! : `${name}-${i}`;
      const website = update ? `https://${name}-${i}.example.com` : null;
      const attempt = await attemptWrite(this.target(), id, website, this.attempts);
      if (attempt.outcome === 'acknowledged' && !update) created.push(id);
      // A client that was refused does not hammer: it waits a little, as a client backing off would.
      if (attempt.outcome !== 'acknowledged') await sleep(50);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A subscriber: one graphql-ws connection at a time (no automatic retries), on `changes(after: <last seq>)`. When its
// connection ends, it opens a new one after a short delay (on `failoverUrl` if it has one) from the last seq it got.

interface Received {
  readonly seq: number;
  readonly entityId: string;
  readonly kind: string;
  readonly at: number;
}

class Subscriber {
  readonly got: Received[] = [];
  /** Why each working connection ended. */
  readonly endings: string[] = [];
  /** Errors delivered as results (none expected). */
  readonly resultErrors: string[] = [];
  /** From losing a connection to the next one being acknowledged, per loss. */
  readonly reconnectMs: number[] = [];
  failedAttempts = 0;
  connected = false;
  private client: Client | null = null;
  private lostAt: number | null = null;
  private stopped = false;

  constructor(
    readonly name: string,
    private url: string,
    private readonly failoverUrl: string | null = null,
  ) {}

  get last(): number {
    return this.got[this.got.length - 1]?.seq ?? 0;
  }

  get drops(): number {
    return this.endings.length;
  }

  /** Whether it has a working connection now (none lost that is not yet replaced). */
  get live(): boolean {
    return this.connected && this.lostAt === null;
  }

  open(): void {
    let acknowledged = false;
    const client = createClient({
      url: this.url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${WRITER_KEY}` },
      on: {
        connected: () => {
          acknowledged = true;
          this.connected = true;
          if (this.lostAt !== null) this.reconnectMs.push(Date.now() - this.lostAt);
          this.lostAt = null;
        },
      },
    });
    this.client = client;
    client.subscribe<{ changes: { seq: number; entityId: string; kind: string } }>(
      { query: SUBSCRIPTION, variables: { after: String(this.last) } },
      {
        next: (value) => {
          if (value.errors || !value.data) this.resultErrors.push(JSON.stringify(value.errors));
          else this.got.push({ ...value.data.changes, at: Date.now() });
        },
        error: (error) => this.lost(client, acknowledged, describeEnding(error)),
        complete: () => this.lost(client, acknowledged, 'completed by the server'),
      },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.dispose();
  }

  private lost(client: Client, wasConnected: boolean, why: string): void {
    if (client !== this.client || this.stopped) return;
    this.client = null;
    void client.dispose();
    if (wasConnected) {
      this.endings.push(why);
      if (this.failoverUrl) this.url = this.failoverUrl;
    } else {
      this.failedAttempts += 1;
    }
    this.lostAt ??= Date.now();
    setTimeout(() => {
      if (!this.stopped) this.open();
    }, RECONNECT_DELAY_MS);
  }
}

function describeEnding(error: unknown): string {
  // A subscription ended with errors: their codes (messages and correlation ids differ every time).
  if (Array.isArray(error)) return `error ${error.map((e: { extensions?: { code?: string } }) => e.extensions?.code ?? 'uncoded').join(', ')}`;
  const close = error as { code?: unknown; reason?: unknown };
  if (typeof close?.code === 'number') return `closed ${close.code}${close.reason ? ` ${String(close.reason)}` : ''}`;
  return String((error as Error)?.message ?? error);
}

// ---------------------------------------------------------------------------------------------------------------
// What the log must hold afterwards.

interface Logged {
  readonly seq: number;
  readonly entityId: string;
  readonly kind: string;
  readonly website: string | null;
}

/** The whole log, read straight from Neo4j with the website of each change's after image. */
async function readLog(app: TestApp): Promise<Logged[]> {
  const rows = await app.db.readRows('MATCH (c:Change) OPTIONAL MATCH (c)-[:AFTER]->(a:ChangeImage) RETURN c.seq AS seq, c.entityId AS entityId, c.kind AS kind, a.website AS website ORDER BY seq');
  return rows as unknown as Logged[];
}

function markOf(change: Logged): string {
  return change.kind === 'CREATED' ? `CREATED ${change.entityId}` : `${change.kind} ${change.entityId} ${change.website}`;
}

/** Every page of the `changes` query through one process, as a client paging the feed would read it. */
async function pageAll(base: string): Promise<{ seq: number; entityId: string; kind: string }[]> {
  const all: { seq: number; entityId: string; kind: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const { body } = await post(base, PAGE, { after });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const page = body.data!.changes as { edges: { node: { seq: number; entityId: string; kind: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    all.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

interface LogCheck {
  readonly changes: number;
  readonly duplicates: number;
  readonly gaps: number;
  /** Writes that got no acknowledgement but committed (each with exactly one change). */
  readonly committedUnacknowledged: number;
}

/**
 * The log has seqs 1..N with no gap or repeat (and its head says N); every acknowledged write has exactly one change;
 * no write has two; every change belongs to a write the load made (a write that was not acknowledged may have
 * committed, and then has exactly one change too).
 */
function checkLog(log: Logged[], head: number, attempts: Attempt[]): LogCheck {
  const seqs = log.map((change) => change.seq);
  const distinct = new Set(seqs).size;
  const max = seqs.length === 0 ? 0 : Math.max(...seqs);
  const counts = new Map<string, number>();
  for (const change of log) counts.set(markOf(change), (counts.get(markOf(change)) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1);
  const notOnceForAcknowledged = attempts.filter((a) => a.outcome === 'acknowledged' && counts.get(a.mark) !== 1).map((a) => `${a.mark}: ${counts.get(a.mark) ?? 0} changes`);
  const made = new Set(attempts.map((attempt) => attempt.mark));
  const fromNowhere = log.filter((change) => !made.has(markOf(change))).map(markOf);

  expect(seqs).toEqual(range(1, log.length));
  expect(head).toBe(log.length);
  expect(notOnceForAcknowledged).toEqual([]);
  expect(twice).toEqual([]);
  expect(fromNowhere).toEqual([]);
  return {
    changes: log.length,
    duplicates: seqs.length - distinct + twice.reduce((sum, [, n]) => sum + n - 1, 0),
    gaps: max - distinct,
    committedUnacknowledged: attempts.filter((a) => a.outcome !== 'acknowledged' && counts.has(a.mark)).length,
  };
}

/** Every subscriber got exactly the log: each change once, in seq order, with its entity and kind. */
function checkSubscribers(subscribers: Subscriber[], log: Logged[]): void {
  const expected = log.map((change) => `${change.seq} ${change.kind} ${change.entityId}`);
  for (const subscriber of subscribers) {
    expect({ name: subscriber.name, resultErrors: subscriber.resultErrors }).toEqual({ name: subscriber.name, resultErrors: [] });
    const got = subscriber.got.map((change) => `${change.seq} ${change.kind} ${change.entityId}`);
    if (got.join('\n') !== expected.join('\n')) {
      // Say where it went wrong, not a diff of thousands of lines.
      const at = got.findIndex((line, i) => line !== expected[i]);
      throw new Error(`${subscriber.name} got ${got.length} changes, the log holds ${expected.length}; first difference at #${at}: got ${got[at]}, expected ${expected[at]}`);
    }
  }
}

/** Repeats and out-of-order arrivals one subscriber saw (both must be 0). */
function deliveryFaults(subscriber: Subscriber): { duplicates: number; gaps: number } {
  const seqs = subscriber.got.map((change) => change.seq);
  let gaps = 0;
  for (let i = 1; i < seqs.length; i += 1) if (seqs[i] !== seqs[i - 1]! + 1) gaps += 1;
  if (seqs.length > 0 && seqs[0] !== 1) gaps += 1;
  return { duplicates: seqs.length - new Set(seqs).size, gaps };
}

function stats(values: number[]): string {
  if (values.length === 0) return '-';
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]} / ${sorted[Math.floor(sorted.length / 2)]} / ${sorted[sorted.length - 1]}`;
}

function codes(attempts: Attempt[]): string {
  const counts = new Map<string, number>();
  for (const attempt of attempts) counts.set(attempt.code ?? '-', (counts.get(attempt.code ?? '-') ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} x${n}`).join(', ') || '-';
}

/** When a driver opened now first commits a write on `db` (one that leaves nothing; tried every 100 ms, for at most 90 s). */
async function firstWriteAfter(db: DisposableNeo4j): Promise<number> {
  const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password), { maxTransactionRetryTime: 0, connectionAcquisitionTimeout: 2000 });
  const started = Date.now();
  try {
    while (Date.now() - started < 90000) {
      const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
      try {
        await session.executeWrite((tx) => tx.run('CREATE (p:RestartProbe) DELETE p'));
        return Date.now();
      } catch {
        await sleep(100);
      } finally {
        await session.close().catch(() => undefined);
      }
    }
    return NaN;
  } finally {
    await driver.close();
  }
}

describe('the change log under failures', () => {
  let db: DisposableNeo4j;
  const dbEnv = () => ({ NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password });
  /** Undone after each test, last first: subscribers, servers, processes, apps. */
  let cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    buildServer();
    db = await startDisposableNeo4j({ name: 'changes-chaos', port: CHAOS_PORT, fresh: false });
  }, 300000);
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups = [];
  }, 60000);
  afterAll(async () => {
    await db?.dispose();
  }, 120000);

  it('SIGKILL of an API process mid-load: no acknowledged write loses its change, none is logged twice, every subscriber resumes with every change once in order', async () => {
    // Process B: in this test process, on the same database, never killed. It empties the graph and log first.
    const appB = await startTestApp(dbEnv());
    cleanups.push(() => appB.close());
    await appB.reset();
    const serverB = await startServer({ ...appB.deps, config: testConfig({ ...dbEnv(), PORT: '0' }) });
    cleanups.push(() => serverB.stop());
    const baseB = serverB.url.replace(/\/graphql$/, '');

    // Process A: the compiled server as its own process, the one to be killed.
    const port = await freePort();
    const env = { ...dbEnv(), API_KEYS: WRITER_KEY, SEED_ON_START: 'false', LOG_LEVEL: 'info', WEBHOOK_DISPATCH: 'false' };
    const processes: ServerProcess[] = [];
    cleanups.push(async () => {
      for (const child of processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null)) {
        child.child.kill('SIGKILL');
        await child.exited;
      }
    });
    const a = spawnServer(env, port);
    processes.push(a);
    await a.waitForLog(/GraphQL ready/, 90000);

    const wsA = `ws://127.0.0.1:${port}/graphql`;
    const wsB = serverB.url.replace(/^http/, 'ws');
    const onA = [new Subscriber('A-1 (back to A)', wsA), new Subscriber('A-2 (back to A)', wsA), new Subscriber('A-3 (fails over to B)', wsA, wsB), new Subscriber('A-4 (fails over to B)', wsA, wsB)];
    const onB = [new Subscriber('B-1', wsB), new Subscriber('B-2', wsB)];
    const subscribers = [...onA, ...onB];
    cleanups.push(() => Promise.all(subscribers.map((subscriber) => subscriber.stop())));
    for (const subscriber of subscribers) subscriber.open();
    await waitFor(() => subscribers.every((s) => s.live), 20000, () => 'every subscriber connected');

    // The load, through A until it dies, then through B, then through the restarted A.
    let target = a.base;
    const warm = [...(await warmUp(a.base, 'warm-a')), ...(await warmUp(baseB, 'warm-b'))];
    const load = new WriteLoad(6, () => target, 'k');
    cleanups.push(() => load.stop());
    const loadStarted = load.startedAt;
    // Mid-load: at least 3 s and 60 acknowledged writes in, or 20 s on a slow machine.
    await load.flowing(60, 3000, 20000, 10);
    const acknowledgedBeforeKill = load.acknowledged().length;

    const killAt = Date.now();
    a.child.kill('SIGKILL');
    const inFlightAtKill = load.inFlight();
    target = baseB;
    await a.exited;

    // A new process on the same port, as a supervisor restarts a dead one.
    const restartAt = Date.now();
    const a2 = spawnServer(env, port);
    processes.push(a2);
    await a2.waitForLog(/GraphQL ready/, 90000);
    const readyAt = Date.now();
    target = a2.base;
    await waitFor(() => onA.every((s) => s.drops >= 1 && s.live), 30000, () => `A's subscribers reconnected: ${onA.map((s) => `${s.name} drops ${s.drops} live ${s.live}`).join(', ')}`);
    // Writes through the restarted process, which its reconnected subscribers get live.
    await waitFor(() => load.acknowledged().filter((w) => w.startedAt >= readyAt).length >= 20, 60000, () => 'writes through the restarted process');
    await load.stop();

    const head = await appB.lastChange();
    const caughtUpMs = await waitFor(() => subscribers.every((s) => s.last >= head), 60000, () => `subscribers at ${head}: ${subscribers.map((s) => `${s.name} ${s.last}`).join(', ')}`);
    // Anything more (a repeat) would arrive now.
    await sleep(1000);

    const log = await readLog(appB);
    const check = checkLog(log, head, [...warm, ...load.attempts]);
    // The feed as a client pages it, through the survivor and through the restarted process, is the log.
    const logged = log.map((change) => ({ seq: change.seq, entityId: change.entityId, kind: change.kind }));
    expect(await pageAll(baseB)).toEqual(logged);
    expect(await pageAll(a2.base)).toEqual(logged);
    checkSubscribers(subscribers, log);
    expect(inFlightAtKill.length).toBeGreaterThan(0);
    for (const subscriber of onB) expect({ name: subscriber.name, drops: subscriber.drops }).toEqual({ name: subscriber.name, drops: 0 });

    const inFlightCommitted = inFlightAtKill.filter((w) => log.some((change) => markOf(change) === w.mark)).length;
    timeline('SIGKILL of an API process under a write load (6 writers, 4 subscribers on it, 2 on a second process)', [
      ['load ran before the kill (ms)', killAt - loadStarted],
      ['writes acknowledged before the kill', acknowledgedBeforeKill],
      ['writes in flight at the kill', inFlightAtKill.length],
      ['  of which committed (each with exactly one change)', inFlightCommitted],
      ['  their outcome', codes(inFlightAtKill.map((w) => ({ ...w, code: w.outcome === 'acknowledged' ? 'acknowledged' : w.code })))],
      ['writes acknowledged in all (warm-up, through A, B, restarted A)', load.acknowledged().length + warm.length],
      ['writes not acknowledged in all / of which committed', `${load.attempts.length - load.acknowledged().length} / ${check.committedUnacknowledged}`],
      ['changes in the log (seqs 1..N)', check.changes],
      ['duplicates in the log / gaps in the log', `${check.duplicates} / ${check.gaps}`],
      ['kill to restarted process ready (ms)', readyAt - killAt],
      ['  of which spawn to ready (ms)', readyAt - restartAt],
      ...subscribers.map((s): [string, string] => {
        const faults = deliveryFaults(s);
        return [
          `subscriber ${s.name}`,
          `received ${s.got.length}, duplicates ${faults.duplicates}, gaps ${faults.gaps}, connections lost ${s.drops}, failed attempts ${s.failedAttempts}, reconnected after ${s.reconnectMs.join(', ') || '-'} ms`,
        ];
      }),
      ['last write to every subscriber caught up (ms)', caughtUpMs],
      ['how A-subscribers lost their connection', [...new Set(onA.flatMap((s) => s.endings))].join('; ')],
    ]);
  }, 240000);

  it('Neo4j restarted under load: no acknowledged write loses its change, none is logged twice, subscribers get every change once in order after it is back', async () => {
    const maxRetry = '1000';
    const app = await startTestApp({ ...dbEnv(), NEO4J_MAX_RETRY_TIME_MS: maxRetry });
    cleanups.push(() => app.close());
    await app.reset();
    const server = await startServer({ ...app.deps, config: testConfig({ ...dbEnv(), PORT: '0', NEO4J_MAX_RETRY_TIME_MS: maxRetry }) });
    cleanups.push(() => server.stop());
    const base = server.url.replace(/\/graphql$/, '');
    const ws = server.url.replace(/^http/, 'ws');

    // A second process that has no subscriber yet: its first one arrives while the database is away.
    const quietApp = await startTestApp({ ...dbEnv(), NEO4J_MAX_RETRY_TIME_MS: maxRetry });
    cleanups.push(() => quietApp.close());
    const quietServer = await startServer({ ...quietApp.deps, config: testConfig({ ...dbEnv(), PORT: '0', NEO4J_MAX_RETRY_TIME_MS: maxRetry }) });
    cleanups.push(() => quietServer.stop());
    const late = new Subscriber('L-1 (first subscribed during the outage, other process)', quietServer.url.replace(/^http/, 'ws'));

    const steady = range(1, 4).map((i) => new Subscriber(`S-${i}`, ws));
    const subscribers = [...steady, late];
    cleanups.push(() => Promise.all(subscribers.map((subscriber) => subscriber.stop())));
    for (const subscriber of steady) subscriber.open();
    await waitFor(() => steady.every((s) => s.live), 20000, () => 'every subscriber connected');

    const warm = await warmUp(base, 'warm');
    const load = new WriteLoad(4, () => base, 'n');
    cleanups.push(() => load.stop());
    const loadStarted = load.startedAt;
    await load.flowing(60, 3000, 20000, 10);
    const acknowledgedBeforeStop = load.acknowledged().length;

    const stopAt = Date.now();
    await db.stop();
    const stoppedAt = Date.now();
    // The load goes on against a server whose database is gone, and a subscriber comes to the other process.
    late.open();
    // At least 2 s down, and until the late subscriber was turned down once (its first read may wait for retries).
    await waitFor(() => Date.now() - stoppedAt >= 2000 && late.drops + late.failedAttempts > 0, 30000, () => 'the outage and a refused late subscriber');
    const lateRefusedDuringOutage = late.drops + late.failedAttempts;
    const restartAt = Date.now();
    await db.start();
    const upAt = Date.now();
    // When Neo4j itself takes writes again, seen by a driver that holds no connection from before the outage.
    const probe = firstWriteAfter(db);
    await waitFor(
      () => {
        const after = load.acknowledged().filter((w) => w.startedAt >= upAt);
        return after.length >= 40 && Date.now() - Math.min(...after.map((w) => w.endedAt!)) >= 2000;
      },
      90000,
      () => 'writes succeeding again for a while',
    );
    await load.stop();
    const probeMs = (await probe) - upAt;

    const head = await app.lastChange();
    const caughtUpMs = await waitFor(() => subscribers.every((s) => s.last >= head), 60000, () => `subscribers at ${head}: ${subscribers.map((s) => `${s.name} ${s.last}`).join(', ')}`);
    await sleep(1000);

    const log = await readLog(app);
    const check = checkLog(log, head, [...warm, ...load.attempts]);
    checkSubscribers(subscribers, log);

    // Sent between the end of the stop and the start of the restart: the database was certainly away.
    const duringOutage = load.attempts.filter((w) => w.startedAt >= stoppedAt && w.startedAt < restartAt);
    const notAcknowledged = load.attempts.filter((w) => w.outcome !== 'acknowledged');
    // While the database is away, every write is refused as SERVICE_UNAVAILABLE: none is acknowledged, none hangs.
    expect(duringOutage.length).toBeGreaterThan(0);
    // The late subscriber really came while the database was away (and was turned down then).
    expect(lateRefusedDuringOutage).toBeGreaterThan(0);
    // ...as SERVICE_UNAVAILABLE, a code that says "try again", never masked as an internal error.
    expect(late.endings.filter((ending) => ending !== 'error SERVICE_UNAVAILABLE')).toEqual([]);
    expect(duringOutage.filter((w) => w.outcome === 'acknowledged')).toEqual([]);
    expect(duringOutage.filter((w) => w.code !== 'SERVICE_UNAVAILABLE').map((w) => `${w.mark}: ${w.outcome} ${w.code}`)).toEqual([]);

    const phase = (at: number) => (at < stopAt ? 'before the stop' : at < stoppedAt ? 'during the stop' : at < restartAt ? 'while down' : at < upAt ? 'during the start' : 'after Bolt was back');
    const committed = new Set(log.map(markOf));
    const committedRefused = codes(notAcknowledged.filter((w) => committed.has(w.mark)).map((w) => ({ ...w, code: `${w.code} (${phase(w.startedAt)})` })));
    const firstAck = Math.min(...load.acknowledged().filter((w) => w.startedAt >= restartAt).map((w) => w.endedAt!));
    // The first change committed after the restart began, and when a subscriber first got it.
    const firstAfterMark = load.acknowledged().filter((w) => w.startedAt >= restartAt).sort((x, y) => x.endedAt! - y.endedAt!)[0]!;
    const firstAfterSeq = log.find((change) => markOf(change) === firstAfterMark.mark)!.seq;
    const deliveredAt = Math.min(...steady.map((s) => s.got.find((change) => change.seq === firstAfterSeq)!.at));
    const resumedAt = Math.min(...steady.map((s) => s.got.find((change) => change.at >= upAt)?.at ?? Infinity));
    timeline('Neo4j restarted under a write load (4 writers, 4 subscribers on one API process)', [
      ['load ran before the stop (ms)', stopAt - loadStarted],
      ['writes acknowledged before the stop', acknowledgedBeforeStop],
      ['Neo4j stop took (ms)', stoppedAt - stopAt],
      ['writes refused while it was down', duringOutage.length],
      ['  their answers', codes(duringOutage)],
      ['  latency min / median / max (ms)', stats(duringOutage.map((w) => w.endedAt! - w.startedAt))],
      ['writes not acknowledged in all / of which committed', `${notAcknowledged.length} / ${check.committedUnacknowledged}`],
      ['  their answers', codes(notAcknowledged)],
      ['  the committed ones: answer (when sent)', committedRefused],
      ['Neo4j start took (ms)', upAt - restartAt],
      ['first write by a fresh driver, from Bolt back (ms)', probeMs],
      ['first acknowledged write through the API, from Bolt back (ms)', firstAck - upAt],
      ['  its latency (ms)', firstAfterMark.endedAt! - firstAfterMark.startedAt],
      ['writes refused once a fresh driver could write', codes(notAcknowledged.filter((w) => w.startedAt >= upAt + probeMs))],
      ['delivery resumed, from Bolt back (ms)', resumedAt - upAt],
      ['first write after the restart acknowledged to first delivered (ms)', deliveredAt - firstAfterMark.endedAt!],
      ['writes acknowledged in all (warm-up included)', load.acknowledged().length + warm.length],
      ['changes in the log (seqs 1..N)', check.changes],
      ['duplicates in the log / gaps in the log', `${check.duplicates} / ${check.gaps}`],
      ...subscribers.map((s): [string, string] => {
        const faults = deliveryFaults(s);
        const endings = [...new Set(s.endings)].join('; ');
        return [`subscriber ${s.name}`, `received ${s.got.length}, duplicates ${faults.duplicates}, gaps ${faults.gaps}, connections lost ${s.drops}${s.drops ? ` (${endings})` : ''}`];
      }),
      ['late subscriber: subscriptions refused during the outage', lateRefusedDuringOutage],
      ['late subscriber: first change, from Bolt back (ms)', (late.got.find((change) => change.at >= upAt)?.at ?? NaN) - upAt],
      ['last write to every subscriber caught up (ms)', caughtUpMs],
    ]);
  }, 240000);
});
