import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws/client';
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import WebSocket from 'ws';
import { WATCH_QUESTIONS, type WatchQuestion } from '../src/changes/watch-questions';
import { defineChangeFragments } from '../src/neo4j/changes/change-fragments';
import { CypherCatalog } from '../src/neo4j/cypher-catalog';
import { projectRoot } from '../src/platform/project-root';
import { ANCHOR, ANCHOR_FAR_ID, ANCHOR_LAB_ID } from '../src/synthetic/anchor-kit';
import { ANALYTICS_OPERATIONS } from './analytics-operations';
import type { Child } from './bench/child-process';
import { BENCH_WRITER_KEY, startOurServer } from './bench/our-server';
import { timeSerially } from './bench/stats';
import { ok as postOk } from './bench/writes';

/**
 * `npm run bench:changes`: the living graph's targets, over a database that already holds a generated graph (the
 * bench database after `npm run bench`, or any import; `--bolt`). Parts (`--only fill,pages,watch,live`):
 * - fill: tops the change log up to `--changes` entries (default 1,000,000) through the fragment every write ends
 *   with, spread over the graph's companies (2% on the anchor lab), in transactions of 10,000;
 * - pages: `changes(first: 50)` pages (oldest, middle, newest, by company, by entity type, a rare kind) and
 *   `Company.changes`, one client over HTTP: target p50 <= 20 ms unfiltered and by company;
 * - watch: a watch on `backersOfCompetitors` of the anchor re-answered after each of `--watch-writes` changes in its
 *   reach, of two kinds (see WATCH_PHASES; the server's own timing, from /metrics) against the same question asked
 *   over HTTP: target re-answer p50 <= the query's p50;
 * - live: two API processes, `--subscribers` graphql-ws subscribers split between them, `--rate` writes a second for
 *   `--seconds` through both in turn; every subscriber must get every change once, in order. Latency is from the
 *   change's transaction time (`at`, taken when the write's transaction began, so it includes the write itself) to
 *   its arrival: target p95 <= 500 ms.
 * Servers are our built server (`npm run build` first) started as child processes and stopped at the end.
 */
const { values: args } = parseArgs({
  options: {
    bolt: { type: 'string', default: 'bolt://127.0.0.1:7691' },
    user: { type: 'string', default: 'neo4j' },
    password: { type: 'string', default: 'bench-password' },
    only: { type: 'string', default: 'fill,pages,watch,live' },
    changes: { type: 'string', default: '1000000' },
    iterations: { type: 'string', default: '50' },
    'watch-writes': { type: 'string', default: '30' },
    subscribers: { type: 'string', default: '100' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
  },
});
const PARTS = new Set(String(args.only).split(',').filter(Boolean));
const CREDENTIALS = { user: String(args.user), password: String(args.password) };
const AUTH = `Bearer ${BENCH_WRITER_KEY}`;
const BATCH = 10000;
const catalog = new CypherCatalog(path.join(projectRoot(), 'scripts', 'bench', 'cypher'));
defineChangeFragments(catalog);

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The data of a query sent with the bench's writer key (see writes.ts's `ok`). */
async function ok(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  return (await postOk(url, BENCH_WRITER_KEY, query, variables)).data as Record<string, any>;
}

async function read(driver: Driver, name: string, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
  const session = driver.session();
  try {
    return (await session.executeRead((tx) => tx.run(catalog.get(name), params))).records;
  } finally {
    await session.close();
  }
}

/** A deterministic stream of numbers in [0, 1) (xorshift), so two fills of the same size make the same log. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** One generated entry: a company edited (its note), or an investment recorded between two companies. */
function entry(n: number, ids: readonly string[], next: () => number): Record<string, unknown> {
  const pick = () => (next() < 0.02 ? ANCHOR_LAB_ID : (ids[Math.floor(next() * ids.length)] as string));
  if (n % 2 === 0) {
    const id = pick();
    return { entityType: 'Company', entityId: id, before: { id, description: `before ${n}` }, after: { id, description: `after ${n}` }, companyIds: [id] };
  }
  const [investorId, investeeId] = [pick(), pick()];
  const id = `inv-bench-log-${n}`;
  const after = { id, investorId, investeeId, amountUsd: 1e6 * (1 + (n % 500)), amountKind: 'PAID', status: 'COMPLETED', announcedOn: '2025-01-01', sourceIds: ['bench-source'] };
  return { entityType: 'Investment', entityId: id, before: null, after, companyIds: [investorId, investeeId] };
}

async function fill(driver: Driver, target: number): Promise<void> {
  const head = (await read(driver, 'change-log-head'))[0]?.get('seq') as number;
  if (head >= target) {
    log(`fill: the log already holds ${head.toLocaleString()} changes (>= ${target.toLocaleString()})`);
    return;
  }
  const ids = (await read(driver, 'company-ids')).map((record) => record.get('id') as string);
  const next = random(head + 1);
  const started = Date.now();
  let seq = head;
  const session = driver.session();
  try {
    while (seq < target) {
      const size = Math.min(BATCH, target - seq);
      const entries = Array.from({ length: size }, (_, i) => entry(seq + i + 1, ids, next));
      await session.executeWrite((tx) => tx.run(catalog.get('fill-change-log'), { entries, change: { actor: 'bench', requestId: null, operation: 'benchFill' } }));
      seq += size;
      if (seq % 100000 === 0 || seq === target) log(`fill: ${seq.toLocaleString()} changes (${Math.round((seq - head) / ((Date.now() - started) / 1000)).toLocaleString()}/s)`);
    }
  } finally {
    await session.close();
  }
  log(`fill: ${(target - head).toLocaleString()} changes appended over ${ids.length.toLocaleString()} companies in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const PAGE_FIELDS = 'nodes { seq at actor operation entityType entityId kind before after summary } pageInfo { hasNextPage endCursor }';

async function pages(url: string, head: number, typical: string): Promise<void> {
  const rows: [string, string][] = [
    ['changes(first: 50), oldest', `{ changes(first: 50) { ${PAGE_FIELDS} } }`],
    ['changes(first: 50), from the middle', `{ changes(first: 50, after: "${Math.floor(head / 2)}") { ${PAGE_FIELDS} } }`],
    ['changes(first: 50), newest first', `{ changes(first: 50, newestFirst: true) { ${PAGE_FIELDS} } }`],
    [`by company ${ANCHOR_LAB_ID} (2% of the log)`, `{ changes(first: 50, filter: {companyId: "${ANCHOR_LAB_ID}"}) { ${PAGE_FIELDS} } }`],
    [`by company ${ANCHOR_LAB_ID}, newest first`, `{ changes(first: 50, newestFirst: true, filter: {companyId: "${ANCHOR_LAB_ID}"}) { ${PAGE_FIELDS} } }`],
    [`by company ${typical} (a typical one)`, `{ changes(first: 50, filter: {companyId: "${typical}"}) { ${PAGE_FIELDS} } }`],
    [`Company.changes of ${ANCHOR_LAB_ID}`, `{ company(id: "${ANCHOR_LAB_ID}") { changes(first: 50) { ${PAGE_FIELDS} } } }`],
    ['by entity type Investment (half the log)', `{ changes(first: 50, filter: {entityTypes: ["Investment"]}) { ${PAGE_FIELDS} } }`],
    ['by kind REMOVED (rare: scans the log)', `{ changes(first: 50, filter: {kinds: [REMOVED]}) { ${PAGE_FIELDS} } }`],
  ];
  log(`\npages over ${head.toLocaleString()} changes, one client over HTTP (target p50 <= 20 ms for the first rows)`);
  log(['request', 'p50 ms', 'p90 ms', 'p99 ms', 'rows'].join('\t'));
  for (const [name, query] of rows) {
    const data = await ok(url, query);
    const page = (data.changes ?? data.company?.changes) as { nodes: unknown[] };
    const timing = await timeSerially(() => ok(url, query), 5, Number(args.iterations));
    log([name, timing.p50, timing.p90, timing.p99, page.nodes.length].join('\t'));
  }
}

async function metric(base: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  return line ? Number(line.split(' ').pop()) : NaN;
}

/** What one phase of the watch part writes, n-th time: a change in the anchor's reach. */
type WatchWrite = (url: string, run: string, n: number) => Promise<unknown>;

const WATCH_PHASES: [string, WatchWrite][] = [
  ['an edit of the anchor itself (answer and reach stay)', (url, run, n) => ok(url, `mutation { updateCompany(id: "${ANCHOR_LAB_ID}", input: {description: "bench watch ${run} ${n}"}) { id } }`)],
  [
    'a new rival of the anchor (reach moves, answer stays: read again and stored)',
    async (url, run, n) => {
      const id = `bench-watch-${run}-${n}`;
      await ok(url, 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }', { input: { id, name: id, kind: 'AI_LAB' } });
      return ok(url, `mutation { recordRivalry(input: {companyIds: ["${ANCHOR_LAB_ID}", "${id}"], market: "bench-watch-${run}", since: "2025", sources: [{url: "https://bench.example/${id}", publisher: "Bench", title: "${id}"}]}) { id } }`);
    },
  ],
];

/**
 * The watch part: for each kind of change, a fresh server (its re-answer timings are its own), a watch on the
 * anchor's backersOfCompetitors, and `--watch-writes` such changes one at a time, each waited for until the watch
 * was answered again (none coalesce). Compared with the question over HTTP: the watch's own document, and the growth
 * table's request (what `bench:paired` times).
 */
async function watch(uri: string): Promise<void> {
  const { document } = WATCH_QUESTIONS.get('backersOfCompetitors') as WatchQuestion;
  const growth = ANALYTICS_OPERATIONS.flatMap((operation) => operation.generated).find((request) => request.name === 'backersOfCompetitors');
  const writes = Number(args['watch-writes']);
  const run = Date.now().toString(36);
  log(`\nwatch on backersOfCompetitors(${ANCHOR_LAB_ID}), ${writes} changes in its reach per row, one re-answer each, a fresh server per row`);
  log(['measure', 'p50 ms', 'p95 ms', 'vs question (watch document)', 'vs question (growth table)'].join('\t'));
  for (const [name, write] of WATCH_PHASES) {
    const server = await startOurServer(uri, CREDENTIALS);
    try {
      const asked = await timeSerially(() => ok(server.url, document, { companyId: ANCHOR_LAB_ID }), 5, Number(args.iterations));
      const graph = { anchorId: ANCHOR_LAB_ID, farId: ANCHOR_FAR_ID, market: ANCHOR.market, busiestInvestorId: ANCHOR_LAB_ID };
      const table = growth ? await timeSerially(() => ok(server.url, growth.query(graph)), 5, Number(args.iterations)) : asked;
      const created = (await ok(server.url, `mutation { createWatch(name: "bench", question: {backersOfCompetitors: {companyId: "${ANCHOR_LAB_ID}"}}) { id } }`)).createWatch as { id: string };
      // The question again after each re-answer, on the graph that re-answer saw: a row's changes add rivals of the
      // anchor, so the question grows over the row and the figure before it flatters the question.
      const beside: number[] = [];
      try {
        for (let i = 0; i < writes; i++) {
          const started = Date.now();
          await write(server.url, run, i);
          // One re-answer per change: wait for it before the next write, so none coalesce. Scraped every 100 ms: a
          // scrape is work for the server's event loop, and every 10 ms it slowed the re-answers it was waiting for.
          while ((await metric(server.base, 'watch_reanswers')) < i + 1) {
            if (Date.now() - started > 30000) throw new Error('no re-answer within 30 s');
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          const asking = performance.now();
          await ok(server.url, document, { companyId: ANCHOR_LAB_ID });
          beside.push(performance.now() - asking);
        }
        const besideP50 = [...beside].sort((a, b) => a - b)[beside.length >> 1] as number;
        const p50 = (await metric(server.base, 'watch_reanswer_seconds', '{quantile="0.5"}')) * 1000;
        const p95 = (await metric(server.base, 'watch_reanswer_seconds', '{quantile="0.95"}')) * 1000;
        log([`the question over HTTP, watch document (row: ${name})`, asked.p50, '', '', ''].join('\t'));
        log([`the question over HTTP, growth table's request`, table.p50, '', '', ''].join('\t'));
        log([`the question over HTTP after each re-answer (row: ${name})`, besideP50.toFixed(2), '', '', ''].join('\t'));
        log([`re-answer in the server after ${name}`, p50.toFixed(2), p95.toFixed(2), (p50 / asked.p50).toFixed(2), (p50 / table.p50).toFixed(2), `${(p50 / besideP50).toFixed(2)} vs the question after each`].join('\t'));
      } finally {
        await ok(server.url, 'mutation($id: ID!) { removeWatch(id: $id) { id } }', { id: created.id });
      }
    } finally {
      await server.child.stop();
    }
  }
}

interface Received {
  seq: number;
  at: string;
  arrived: number;
}

async function live(servers: { url: string }[], startSeq: number): Promise<void> {
  const count = Number(args.subscribers);
  const rate = Number(args.rate);
  const seconds = Number(args.seconds);
  const run = Date.now().toString(36);
  const companies = Array.from({ length: 20 }, (_, i) => `bench-live-${run}-${i}`);
  for (const id of companies) await ok(servers[0]!.url, 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }', { input: { id, name: id, kind: 'OTHER' } });
  const from = Number((await ok(servers[0]!.url, '{ changes(first: 1, newestFirst: true) { nodes { seq } } }')).changes.nodes[0]?.seq ?? startSeq);

  const clients: Client[] = [];
  const received: Received[][] = [];
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const server = servers[i % servers.length]!;
      let connected!: () => void;
      const ready = new Promise<void>((resolve) => (connected = resolve));
      const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: AUTH }, retryAttempts: 0, on: { connected: () => connected() } });
      clients.push(client);
      const mine: Received[] = [];
      received[i] = mine;
      client.subscribe<{ changes: { seq: number; at: string } }>(
        { query: 'subscription { changes(filter: {entityTypes: ["Company"]}) { seq at } }' },
        {
          next: (value) => {
            if (value.errors) failures.push(JSON.stringify(value.errors));
            else if (value.data) mine.push({ seq: value.data.changes.seq, at: value.data.changes.at, arrived: Date.now() });
          },
          error: (error) => failures.push(`subscriber ${i}: ${String((error as Error).message ?? JSON.stringify(error))}`),
          complete: () => undefined,
        },
      );
      await ready;
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  log(`\nlive: ${count} subscribers (${servers.map((_, s) => `${Math.ceil((count - s) / servers.length)} on process ${'AB'[s]}`).join(', ')}), ${rate} writes/s for ${seconds} s through both in turn`);

  const total = rate * seconds;
  const started = Date.now();
  const writes: Promise<void>[] = [];
  let acknowledged = 0;
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const id = companies[n % companies.length] as string;
    writes.push(
      ok(servers[n % servers.length]!.url, 'mutation($id: ID!, $d: String) { updateCompany(id: $id, input: {description: $d}) { id } }', { id, d: `live ${run} ${n}` }).then(
        () => void (acknowledged += 1),
        (error) => void failures.push(`write ${n}: ${String(error)}`),
      ),
    );
  }
  await Promise.all(writes);
  const wrote = (Date.now() - started) / 1000;
  // The log is the truth: every Company change after the start, in order.
  const expected: number[] = [];
  for (let after = from; ; ) {
    const page = (await ok(servers[0]!.url, `{ changes(first: 100, after: "${after}", filter: {entityTypes: ["Company"]}) { nodes { seq } pageInfo { hasNextPage endCursor } } }`)).changes;
    expected.push(...page.nodes.map((node: { seq: number }) => node.seq));
    if (!page.pageInfo.hasNextPage) break;
    after = Number(page.pageInfo.endCursor);
  }
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline && received.some((mine) => mine.length < expected.length)) await new Promise((resolve) => setTimeout(resolve, 100));
  await Promise.all(clients.map((client) => client.dispose()));

  let complete = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  let missing = 0;
  const lags: number[] = [];
  const bySide: number[][] = servers.map(() => []);
  received.forEach((mine, i) => {
    const seqs = mine.map((r) => r.seq).filter((seq) => seq > from);
    duplicates += seqs.length - new Set(seqs).size;
    outOfOrder += seqs.filter((seq, k) => k > 0 && seq <= (seqs[k - 1] as number)).length;
    missing += expected.filter((seq) => !seqs.includes(seq)).length;
    if (JSON.stringify(seqs) === JSON.stringify(expected)) complete += 1;
    for (const r of mine) {
      if (r.seq <= from) continue;
      const lag = r.arrived - Date.parse(r.at);
      lags.push(lag);
      bySide[i % servers.length]!.push(lag);
    }
  });
  log(`writes: ${total} sent in ${wrote.toFixed(1)} s, ${acknowledged} acknowledged; changes in the log: ${expected.length}`);
  log(`subscribers with every change once and in order: ${complete} of ${count}; duplicates ${duplicates}, out of order ${outOfOrder}, missing ${missing}`);
  log(['commit to subscriber', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'deliveries'].join('\t'));
  const row = (name: string, values: number[]) => log([name, percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99), Math.max(...values), values.length].join('\t'));
  row('all subscribers', lags);
  bySide.forEach((values, s) => row(`subscribers of process ${'AB'[s]}`, values));
  if (failures.length > 0) log(`failures (${failures.length}): ${failures.slice(0, 5).join(' | ')}`);
  log(`p95 ${percentile(lags, 0.95)} ms (target <= 500), every subscriber complete: ${complete === count ? 'yes' : 'NO'}`);
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

async function main(): Promise<void> {
  const uri = String(args.bolt);
  const driver = neo4j.driver(uri, neo4j.auth.basic(CREDENTIALS.user, CREDENTIALS.password), { disableLosslessIntegers: true });
  const children: Child[] = [];
  try {
    if (PARTS.has('fill')) await fill(driver, Number(args.changes));
    const head = (await read(driver, 'change-log-head'))[0]?.get('seq') as number;
    const a = await startOurServer(uri, CREDENTIALS);
    children.push(a.child);
    if (PARTS.has('pages')) {
      const ids = (await read(driver, 'company-ids')).map((record) => record.get('id') as string);
      await pages(a.url, head, ids[Math.floor(ids.length / 2)] as string);
    }
    if (PARTS.has('watch')) await watch(uri);
    if (PARTS.has('live')) {
      const b = await startOurServer(uri, CREDENTIALS);
      children.push(b.child);
      await live([a, b], head);
    }
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await driver.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
