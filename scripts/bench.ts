import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import { createApplication, type Application } from '../src/app';
import { loadConfig, type AppConfig } from '../src/config';
import { createLogger } from '../src/platform/logger';
import { projectRoot } from '../src/platform/project-root';
import { importDataset } from '../src/import/bulk-import';
import { CypherCatalog } from '../src/neo4j/cypher-catalog';
import { BENCH_CREDENTIALS, benchInstance, BENCH_BOLT_PORT } from '../src/managed-neo4j/instances';
import type { ManagedNeo4j } from '../src/managed-neo4j/managed-neo4j';
import type { RecordedStatement } from '../src/neo4j/query-stats';
import { recordStatements } from './bench/record-statements';
import { createApollo } from '../src/server';
import { ANCHOR, ANCHOR_FAR_ID, ANCHOR_LAB_ID } from '../src/synthetic/anchor-kit';
import { generateDataset } from '../src/synthetic/generate-dataset';
import { generatedDatasetFile, writeDataset } from '../src/synthetic/write-dataset';
import { rssMiB, startChild, type Child } from './bench/child-process';
import { startOurServer as startOur } from './bench/our-server';
import { postGraphQL } from './bench/graphql-post';
import { differences, extractOurs, extractPeer, OURS_NESTED, PEER_NESTED } from './bench/nested-queries';
import { listShapeCases, pageIds, shapeValueStatements, type ShapeValues } from './bench/list-shapes';
import { timeWrites, type WriteTiming } from './bench/writes';
import { countOf, totalsCases } from './bench/totals-cases';
import { replayer, waves } from './bench/replay';
import { interleaved, type Window } from './bench/interleaved';
import { throughput, timePaired, timeSerially, type Latency } from './bench/stats';
import { freePort } from './free-port';
import { GENERATED_REQUESTS, generatedRequest, type GeneratedGraph } from './analytics-operations';

/**
 * `npm run bench`: owns a Neo4j instance of its own (NEO4J_BENCH_BOLT_PORT, wiped per scale) and the server
 * processes it measures, and stops them at the end. Per scale it generates and bulk-imports a synthetic graph, then
 * times the growth queries; at the largest scale it also measures overhead against the raw driver running the
 * identical Cypher, throughput at 10 clients, the nested list against a hand-written query, a naive N+1 version and
 * @neo4j/graphql, and memory. Prints tables and writes JSON to bench/results/.
 */
const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: '1000,10000,100000' },
    seed: { type: 'string', default: '1' },
    iterations: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '15' },
    clients: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
    'sample-companies': { type: 'string', default: '150' },
    'batch-size': { type: 'string', default: '5000' },
    /** Only these parts (comma-separated: growth, suite, lists, totals, writes); all when empty. */
    only: { type: 'string', default: '' },
    /** Keep a scale's graph when the bench database already holds the same dataset file (skips a 10-minute import). */
    'reuse-data': { type: 'boolean', default: false },
  },
});
const ONLY = new Set(String(args.only).split(',').filter(Boolean));
const runs = (part: string) => ONLY.size === 0 || ONLY.has(part);
const ROOT = projectRoot();
const SCALES = String(args.scales).split(',').map(Number);
const SEED = Number(args.seed);
const ITERATIONS = Number(args.iterations);
const WARMUP = Number(args.warmup);
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const ROUNDS = Number(args.rounds);
const BATCH = Number(args['batch-size']);
const LARGEST = Math.max(...SCALES);
const { user: NEO4J_USER, password: NEO4J_PASSWORD } = BENCH_CREDENTIALS;
/** The benchmark's own statements (the heap probe and the hand-written nested list), read once at start. */
const BENCH_CYPHER = new CypherCatalog(path.join(ROOT, 'scripts', 'bench', 'cypher'));

const TARGETS = { lookupOverhead: 2.0, analyticsOverhead: 1.5, nestedRoundTrips: 3, nestedVsHandWritten: 1.3, throughputRetention: 0.5, peer: 1.0, growth: 2.0, importSpeedup: 50, listPageMs: 20, writeRoundTrips: 2, recordInvestmentMs: 20 };
/** Each list shape is timed for about this long per side and form (at least 5 samples). */
const LIST_SECONDS_PER_SHAPE = 4;

/** What a growth query is asked about at one scale: the anchor (the same company at every size) and the busiest investor. */
interface ScaleContext {
  readonly busiestInvestorId: string;
  /** How many companies it invested in: its answers grow with this, not with the graph. */
  readonly busiestInvestorDegree: number;
}

/** The generated graph of one scale as the analytics requests (scripts/analytics-operations.ts) ask about it. */
const graphAt = (ctx: ScaleContext): GeneratedGraph => ({ anchorId: ANCHOR_LAB_ID, farId: ANCHOR_FAR_ID, market: ANCHOR.market, busiestInvestorId: ctx.busiestInvestorId });

/**
 * The operations the suite measures at the largest scale (overhead against the raw driver, throughput): a lookup, the
 * nested list and three of the analytics requests of the growth table.
 */
function suiteOperations(ctx: ScaleContext): Record<string, string> {
  const graph = graphAt(ctx);
  return {
    company: `{ company(id: "${ANCHOR_LAB_ID}") { id name kind country founded } }`,
    nestedList: OURS_NESTED,
    backersOfCompetitors: generatedRequest('backersOfCompetitors').query(graph),
    connection: generatedRequest('connection').query(graph),
    moneyLoops: generatedRequest('moneyLoops(company)').query(graph),
  };
}

/**
 * The growth table: every analytics request on a generated graph (from its declaration), then search and a filtered
 * list, timed at each scale. `fromCompany` queries start from one company and must grow at most TARGETS.growth from
 * the smallest scale to the largest; whole-graph ones answer a bounded page.
 */
const GROWTH: { name: string; fromCompany: boolean; query: (ctx: ScaleContext) => string }[] = [
  ...GENERATED_REQUESTS.map(({ name, fromCompany, query }) => ({ name, fromCompany, query: (ctx: ScaleContext) => query(graphAt(ctx)) })),
  { name: 'searchCompanies', fromCompany: false, query: () => '{ searchCompanies(text: "frontier lab", first: 10) { company { id name } score } }' },
  {
    name: 'investments(dates, amount) + totalCount',
    fromCompany: false,
    query: () => '{ investments(first: 50, filter: { from: "2020-01", to: "2021-06", minAmountUsd: 100000000 }) { totalCount edges { node { id amountUsd announcedOn } } } }',
  },
];
/** Each growth query is timed for about this long (at least 5 samples), so slow whole-graph pages do not take hours. */
const GROWTH_SECONDS_PER_QUERY = 20;

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function table(title: string, header: string[], rows: (string | number)[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(widths[i] as number)).join('  ');
  log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function post(url: string, query: string): Promise<{ body: unknown; roundTrips: number }> {
  const { status, body, roundTrips } = await postGraphQL(url, query);
  const errors = (body as { errors?: unknown }).errors;
  if (status !== 200 || errors) throw new Error(`${url}: ${status} ${JSON.stringify(errors ?? body).slice(0, 500)}`);
  return { body, roundTrips };
}

function benchConfig(uri: string): AppConfig {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', NEO4J_URI: uri, NEO4J_USER, NEO4J_PASSWORD, NEO4J_TX_TIMEOUT_MS: '600000' });
}

/** A dataset file as `npm run generate` writes it (reused when already generated: the generator is deterministic). */
async function datasetFile(companies: number): Promise<string> {
  const file = generatedDatasetFile(companies, SEED);
  if (!fs.existsSync(file)) {
    log(`generating ${path.relative(ROOT, file)} ...`);
    await writeDataset(generateDataset({ companies, seed: SEED }), file);
  }
  return file;
}

/** The company with the most investments made at this scale (ties: smallest id), read once after the import. */
async function busiestInvestor(app: Application): Promise<ScaleContext> {
  const [row] = await app.db.readRows(BENCH_CYPHER.get('busiest-investor'));
  return { busiestInvestorId: row?.id as string, busiestInvestorDegree: row?.made as number };
}

async function freshDatabase(neo4j: ManagedNeo4j): Promise<void> {
  await neo4j.stop();
  neo4j.wipeData();
  await neo4j.start();
}

/** Whether the bench database, started as it was left, holds the graph imported from this very file. */
async function holdsDataset(neo4j: ManagedNeo4j, file: string): Promise<boolean> {
  await neo4j.start();
  const app = await createApplication(benchConfig(neo4j.uri), neo4j.uri, createLogger('warn'));
  try {
    const [row] = await app.db.readRows(BENCH_CYPHER.get('dataset-marker'), { file: path.basename(file) });
    return Number(row?.marked ?? 0) > 0;
  } finally {
    await app.close();
  }
}

async function importFile(app: Application, file: string, batchSize: number) {
  const report = await importDataset(app.db, app.catalog, file, { batchSize, resume: false });
  return { records: report.records, facts: report.facts, writeSeconds: report.writeMs / 1000, recordsPerSecond: Math.round(report.records / (report.writeMs / 1000)) };
}

async function startOurServer(uri: string): Promise<{ child: Child; url: string }> {
  return startOur(uri, BENCH_CREDENTIALS);
}

async function startPeer(uri: string): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const child = await startChild(
    path.join(ROOT, 'dist/scripts/bench/peer-server.js'),
    { PEER_PORT: String(port), NEO4J_URI: uri, NEO4J_USER, NEO4J_PASSWORD },
    async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).ok,
  );
  return { child, url };
}

/** HTTP requests at `CLIENTS` connections for `seconds`, with autocannon. */
async function httpThroughput(url: string, query: string, seconds: number): Promise<Window> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CLIENTS,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { requests: result.requests.total, errors: result.errors + result.non2xx + result.timeouts, seconds: result.duration };
}

/** Samples the server's RSS and Neo4j's heap every 500 ms while `work` runs; returns the peaks. */
async function sampleMemory<T>(driver: Driver, serverPid: number | undefined, work: () => Promise<T>): Promise<{ result: T; serverRssMiB: number; neo4jHeapUsedMiB: number; neo4jHeapMaxMiB: number }> {
  const heapStatement = BENCH_CYPHER.get('neo4j-heap');
  let serverRssMiB = 0;
  let neo4jHeapUsedMiB = 0;
  let neo4jHeapMaxMiB = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      serverRssMiB = Math.max(serverRssMiB, rssMiB(serverPid) ?? 0);
      const session = driver.session({ defaultAccessMode: 'READ' });
      try {
        const record = (await session.executeRead((tx) => tx.run(heapStatement))).records[0];
        neo4jHeapUsedMiB = Math.max(neo4jHeapUsedMiB, Math.round(Number(record?.get('used')) / 2 ** 20));
        neo4jHeapMaxMiB = Math.round(Number(record?.get('max')) / 2 ** 20);
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const result = await work();
  running = false;
  await sampler;
  return { result, serverRssMiB, neo4jHeapUsedMiB, neo4jHeapMaxMiB };
}

async function main(): Promise<void> {
  const neo4j = benchInstance(loadConfig({}), (line) => log(line));
  if (neo4j.status().running) throw new Error(`a bench Neo4j already runs on port ${BENCH_BOLT_PORT}; stop it (kill its pid) or set NEO4J_BENCH_BOLT_PORT`);
  // Started by the first freshDatabase below, which every measurement begins with.
  const uri = neo4j.uri;
  const logger = createLogger('warn');
  const results: Record<string, unknown> = { startedAt: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, scales: SCALES, seed: SEED };
  const children: Child[] = [];
  try {
    // 5. Import rate: one transaction per record against batches, on the same small sample and a fresh database
    // (the bench data folder keeps the largest scale of the previous run, whose ids the sample's would collide with).
    let app: Application;
    if (runs('growth')) {
      const sample = await datasetFile(Number(args['sample-companies']));
      await freshDatabase(neo4j);
      app = await createApplication(benchConfig(uri), uri, logger);
      const perFact = await importFile(app, sample, 1);
      await app.close();
      await freshDatabase(neo4j);
      app = await createApplication(benchConfig(uri), uri, logger);
      const batchedSample = await importFile(app, sample, BATCH);
      await app.close();
      results.importSample = { perFact, batched: batchedSample };
    }

    const growth: Record<number, Record<string, Latency>> = {};
    const busiest: Record<number, ScaleContext> = {};
    const imports: Record<number, unknown> = {};
    for (const scale of SCALES) {
      const file = await datasetFile(scale);
      const reuse = args['reuse-data'] && (await holdsDataset(neo4j, file));
      if (!reuse) await freshDatabase(neo4j);
      app = await createApplication(benchConfig(uri), uri, logger);
      if (reuse) {
        log(`\nreusing the graph of ${path.basename(file)} already in the bench database (--reuse-data)`);
      } else {
        log(`\nimporting ${path.basename(file)} ...`);
        imports[scale] = await importFile(app, file, BATCH);
        await app.db.writeRows(BENCH_CYPHER.get('mark-dataset'), { file: path.basename(file) });
        log(`  ${JSON.stringify(imports[scale])}`);
      }
      const ours = await startOurServer(uri);
      children.push(ours.child);
      growth[scale] = {};
      const context = await busiestInvestor(app);
      busiest[scale] = context;
      log(`  busiest investor at ${scale}: ${context.busiestInvestorId} (${context.busiestInvestorDegree} investees)`);
      for (const { name, query } of runs('growth') ? GROWTH : []) {
        const text = query(context);
        const once = await timeSerially(() => post(ours.url, text), 1, 1);
        const iterations = Math.max(5, Math.min(ITERATIONS, Math.floor((GROWTH_SECONDS_PER_QUERY * 1000) / Math.max(once.p50, 1))));
        growth[scale][name] = await timeSerially(() => post(ours.url, text), Math.min(WARMUP, iterations), iterations);
        log(`  ${name} at ${scale}: p50 ${growth[scale][name]?.p50} ms (${iterations} samples)`);
      }
      if (scale === LARGEST && runs('suite')) await fullSuite(app, ours, uri, results, children, context);
      if (scale === LARGEST && runs('lists')) results.lists = await listsTable(app, ours.url, uri, children);
      if (scale === LARGEST && runs('totals')) results.totals = await totalsTable(app, ours.url, uri, children, context);
      if (scale === LARGEST && runs('writes')) {
        results.writes = await timeWrites(ours.url, 'bench-writer-key', Math.min(ITERATIONS, 51), `s${scale}`);
        // The graph now holds the writes too: a later --reuse-data run must import afresh.
        await app.db.writeRows(BENCH_CYPHER.get('unmark-dataset'));
      }
      await ours.child.stop();
      await app.close();
    }
    results.imports = imports;
    results.growth = growth;
    results.busiestInvestor = busiest;
    report(results, growth, imports);
  } finally {
    for (const child of children) await child.stop();
    await neo4j.stop();
  }
  const out = path.join(ROOT, 'bench', 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nresults written to ${path.relative(ROOT, out)}`);
}

async function fullSuite(app: Application, ours: { child: Child; url: string }, uri: string, results: Record<string, unknown>, children: Child[], context: ScaleContext): Promise<void> {
  const OPERATIONS = suiteOperations(context);
  const apollo = createApollo(app.deps);
  await apollo.start();
  const database = app.deps.config.neo4j.database;
  // 1. Overhead: our end-to-end p50 against the raw driver running the statements our resolvers sent, same waves.
  const overhead: Record<string, unknown> = {};
  const raw: Record<string, () => Promise<number>> = {};
  for (const [name, query] of Object.entries(OPERATIONS)) {
    const statements = await recordStatements(apollo, app.deps, query);
    raw[name] = replayer(app.driver, database, statements);
    const [graphql, driver] = await timePaired(() => post(ours.url, query), raw[name] as () => Promise<number>, WARMUP, ITERATIONS);
    overhead[name] = { statements: statements.length, waves: waves(statements).length, graphql, rawDriver: driver, ratio: Math.round((graphql.p50 / driver.p50) * 100) / 100 };
  }
  results.overhead = overhead;

  // Nested list: round trips, the one hand-written statement, and a naive one-query-per-parent version.
  const nestedStatements = await recordStatements(apollo, app.deps, OURS_NESTED);
  const handWritten = BENCH_CYPHER.get('nested-list');
  const oneStatement = replayer(app.driver, database, [{ text: handWritten, params: { kinds: ['AI_LAB'], limit: neo4j.int(20) }, afterCompleted: 0 }]);
  const naiveNestedStatements = naiveStatements(nestedStatements);
  const naive = replayer(app.driver, database, naiveNestedStatements);
  const oursOnce = await post(ours.url, OURS_NESTED);
  const roundTrips = oursOnce.roundTrips;
  const [oursNested, handWrittenNested] = await timePaired(() => post(ours.url, OURS_NESTED), oneStatement, WARMUP, ITERATIONS);
  const naiveNested = await timeSerially(naive, Math.min(WARMUP, 5), Math.min(ITERATIONS, 50));
  results.nested = { roundTrips, ours: oursNested, handWritten: handWrittenNested, naive: naiveNested, naiveStatements: naiveNestedStatements.length, ratioToHandWritten: Math.round((oursNested.p50 / handWrittenNested.p50) * 100) / 100 };

  // 3. Peer: @neo4j/graphql over the same database, after checking both return the same data.
  const peer = await startPeer(uri);
  children.push(peer.child);
  const same = differences(extractOurs(oursOnce.body), extractPeer((await post(peer.url, PEER_NESTED)).body));
  if (same.length > 0) throw new Error(`ours and @neo4j/graphql disagree on the nested list:\n${same.slice(0, 10).join('\n')}`);
  const [oursVsPeer, peerNested] = await timePaired(() => post(ours.url, OURS_NESTED), () => post(peer.url, PEER_NESTED), WARMUP, ITERATIONS);
  await peer.child.stop();
  results.peer = { ours: oursVsPeer, neo4jGraphql: peerNested, ratio: Math.round((peerNested.p50 / oursVsPeer.p50) * 100) / 100 };

  // 2 and 6. Throughput at CLIENTS concurrent clients, GraphQL over HTTP against the raw driver; memory meanwhile.
  const throughputs: Record<string, unknown> = {};
  for (const name of ['company', 'backersOfCompetitors', 'nestedList'] as const) {
    const measured = await sampleMemory(app.driver, ours.child.process.pid, () =>
      interleaved(
        (seconds) => httpThroughput(ours.url, OPERATIONS[name] as string, seconds),
        (seconds) => throughput(raw[name] as () => Promise<number>, CLIENTS, seconds),
        SECONDS,
        ROUNDS,
      ),
    );
    const { a: graphql, b: rawDriver, roundRatios } = measured.result;
    throughputs[name] = {
      graphql,
      rawDriver,
      retention: Math.round((graphql.rps / rawDriver.rps) * 100) / 100,
      roundRetentions: roundRatios,
      memory: { serverRssMiB: measured.serverRssMiB, neo4jHeapUsedMiB: measured.neo4jHeapUsedMiB, neo4jHeapMaxMiB: measured.neo4jHeapMaxMiB },
    };
  }
  results.throughput = throughputs;
  await apollo.stop();
}

interface ListRow {
  readonly list: string;
  readonly shape: string;
  readonly same: boolean;
  readonly ours: Latency;
  readonly peer: Latency;
  readonly oursCount: Latency;
  readonly peerCount?: Latency;
  /** The peer's first error for the page with totalCount, when it answered one. */
  readonly peerCountError?: string;
}

/** The first error a GraphQL answer carries (its message, cut short), or undefined when it has none. */
async function errorOf(url: string, query: string): Promise<string | undefined> {
  const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await answer.json()) as { errors?: { message?: string }[] };
  const message = body.errors?.[0]?.message;
  return message === undefined ? undefined : message.slice(0, 120);
}

/** The values the list shapes filter by, read from the database once. */
async function shapeValues(app: Application): Promise<ShapeValues> {
  const values = new Map<string, string>();
  for (const { key, text } of shapeValueStatements()) {
    const [row] = await app.db.readRows(text);
    if (row?.value !== undefined && row.value !== null) values.set(key, String(row.value));
  }
  return values;
}

/** Every list shape, ours against @neo4j/graphql over the same database, a page of 50 with and without totalCount. */
async function listsTable(app: Application, oursUrl: string, uri: string, children: Child[]): Promise<ListRow[]> {
  const peer = await startPeer(uri);
  children.push(peer.child);
  const rows: ListRow[] = [];
  try {
    for (const c of listShapeCases(await shapeValues(app))) {
      const oursIds = pageIds((await post(oursUrl, c.ours(false))).body);
      const peerIds = pageIds((await post(peer.url, c.peer(false))).body);
      const same = JSON.stringify(oursIds) === JSON.stringify(peerIds);
      const time = async (a: string, b: string) => {
        const once = Math.max((await timeSerially(() => post(oursUrl, a), 0, 1)).p50, (await timeSerially(() => post(peer.url, b), 0, 1)).p50, 1);
        const iterations = Math.max(5, Math.min(ITERATIONS, Math.floor((LIST_SECONDS_PER_SHAPE * 1000) / once)));
        return timePaired(() => post(oursUrl, a), () => post(peer.url, b), Math.min(WARMUP, Math.ceil(iterations / 5)), iterations);
      };
      const [ours, peerPage] = await time(c.ours(false), c.peer(false));
      // The peer's count can fail where ours answers (it ran out of transaction memory on investments at 100k):
      // that is a result to report, not a reason to stop the table.
      const peerCountError = await errorOf(peer.url, c.peer(true));
      const [oursCount, peerCount] = peerCountError ? [await timeSerially(() => post(oursUrl, c.ours(true)), WARMUP, 20), undefined] : await time(c.ours(true), c.peer(true));
      rows.push({ list: c.list, shape: c.shape, same, ours, peer: peerPage, oursCount, peerCount, peerCountError });
      log(`  ${c.list} ${c.shape}: ours ${ours.p50} ms, peer ${peerPage.p50} ms; with totalCount ${oursCount.p50} / ${peerCount?.p50 ?? `peer failed: ${peerCountError}`} ms${same ? '' : ' (DIFFERENT PAGES)'}`);
      if (!same) log(`    ours ${oursIds.slice(0, 5).join(',')}... peer ${peerIds.slice(0, 5).join(',')}...`);
    }
  } finally {
    await peer.child.stop();
  }
  return rows;
}

interface TotalsRow {
  readonly name: string;
  readonly target: string;
  readonly targetMs?: number;
  readonly ours: Latency;
  readonly peer?: Latency;
  readonly raw?: Latency;
  /** Ours timed beside the raw statement (its own pairing, so the ratio compares like with like). */
  readonly oursBesideRaw?: Latency;
  /** Counts and money or sums of ours, the peer and the raw statement, when compared. */
  readonly answers?: string;
  readonly sameCount?: boolean;
}

/** The totals table: ours alone against its targets, and against the peer and one raw statement where both can say it. */
async function totalsTable(app: Application, oursUrl: string, uri: string, children: Child[], context: ScaleContext): Promise<TotalsRow[]> {
  const peer = await startPeer(uri);
  children.push(peer.child);
  const database = app.deps.config.neo4j.database;
  const rows: TotalsRow[] = [];
  try {
    for (const c of totalsCases(context.busiestInvestorId)) {
      const once = (await timeSerially(() => post(oursUrl, c.ours), 1, 1)).p50;
      const iterations = Math.max(5, Math.min(ITERATIONS, Math.floor((LIST_SECONDS_PER_SHAPE * 1000) / Math.max(once, 1))));
      const warmup = Math.min(WARMUP, Math.ceil(iterations / 5));
      if (!c.peer || !c.cypher) {
        const ours = await timeSerially(() => post(oursUrl, c.ours), warmup, iterations);
        rows.push({ name: c.name, target: c.target, targetMs: c.targetMs, ours });
        log(`  totals ${c.name}: ours ${ours.p50} ms`);
        continue;
      }
      const statement = { text: c.cypher.text, params: c.cypher.params, afterCompleted: 0 };
      const raw = replayer(app.driver, database, [statement]);
      const oursAnswer = countOf((await post(oursUrl, c.ours)).body);
      const peerAnswer = countOf((await post(peer.url, c.peer)).body);
      const [rawRow] = await app.db.readRows(c.cypher.text, c.cypher.params);
      const rawAnswer = countOf(rawRow);
      const sameCount = oursAnswer.count === peerAnswer.count && oursAnswer.count === rawAnswer.count;
      const answers = `count ${oursAnswer.count}/${peerAnswer.count}/${rawAnswer.count}`;
      const [ours, peerTime] = await timePaired(() => post(oursUrl, c.ours), () => post(peer.url, c.peer as string), warmup, iterations);
      const [oursBesideRaw, rawTime] = await timePaired(() => post(oursUrl, c.ours), raw, warmup, iterations);
      rows.push({ name: c.name, target: c.target, ours, peer: peerTime, raw: rawTime, oursBesideRaw, answers, sameCount });
      log(`  totals ${c.name}: ours ${ours.p50} ms, peer ${peerTime.p50} ms; ours ${oursBesideRaw.p50} ms beside raw ${rawTime.p50} ms (${answers})`);
    }
  } finally {
    await peer.child.stop();
  }
  return rows;
}

/**
 * The naive resolver shape derived from what ours sent: the list statement once, then every batched statement
 * (one whose parameters carry a list of keys) once per key, one after another, as per-field resolvers without
 * DataLoader would run them.
 */
function naiveStatements(statements: RecordedStatement[]): RecordedStatement[] {
  const out: RecordedStatement[] = [];
  for (const statement of statements) {
    const listParam = Object.entries(statement.params).find(([name, value]) => Array.isArray(value) && name === 'ids');
    if (!listParam) {
      out.push({ ...statement, afterCompleted: out.length });
      continue;
    }
    for (const key of listParam[1] as unknown[]) out.push({ text: statement.text, params: { ...statement.params, [listParam[0]]: [key] }, afterCompleted: out.length });
  }
  return out;
}

function report(results: Record<string, unknown>, growth: Record<number, Record<string, Latency>>, imports: Record<number, unknown>): void {
  const overhead = results.overhead as Record<string, { graphql: Latency; rawDriver: Latency; ratio: number; statements: number }> | undefined;
  if (overhead) {
    table(
      `1. Overhead at ${LARGEST} companies: GraphQL over HTTP p50 / raw driver p50, identical Cypher and parameters, one client`,
      ['operation', 'statements', 'GraphQL p50 ms', 'raw p50 ms', 'ratio', 'target', ''],
      Object.entries(overhead).map(([name, o]) => {
        const target = name === 'company' || name === 'nestedList' ? TARGETS.lookupOverhead : TARGETS.analyticsOverhead;
        return [name, o.statements, o.graphql.p50, o.rawDriver.p50, o.ratio, `<= ${target}`, verdict(o.ratio <= target)];
      }),
    );
  }
  const nested = results.nested as { roundTrips: number; ours: Latency; handWritten: Latency; naive: Latency; naiveStatements: number; ratioToHandWritten: number } | undefined;
  if (nested) {
    table('Nested list (20 companies, investments, investors, competitors)', ['version', 'round trips', 'p50 ms', 'p90 ms', 'target', ''], [
      ['ours (GraphQL over HTTP)', nested.roundTrips, nested.ours.p50, nested.ours.p90, `<= ${TARGETS.nestedRoundTrips} round trips`, verdict(nested.roundTrips <= TARGETS.nestedRoundTrips)],
      ['one hand-written Cypher (raw driver)', 1, nested.handWritten.p50, nested.handWritten.p90, `ours <= ${TARGETS.nestedVsHandWritten}x: ${nested.ratioToHandWritten}x`, verdict(nested.ratioToHandWritten <= TARGETS.nestedVsHandWritten)],
      ['naive query per parent (raw driver)', nested.naiveStatements, nested.naive.p50, nested.naive.p90, 'what batching saves', ''],
    ]);
  }
  const throughputs = results.throughput as
    | Record<string, { graphql: { rps: number; errors: number }; rawDriver: { rps: number; errors: number }; retention: number; roundRetentions: number[]; memory: Record<string, number> }>
    | undefined;
  if (throughputs) {
    const title = `2. Throughput at ${CLIENTS} clients, ${SECONDS} s per side in ${ROUNDS} alternating rounds (6. memory peaks meanwhile)`;
    table(title, ['operation', 'GraphQL req/s', 'raw req/s', 'retention', 'per round', 'errors', 'server RSS MiB', 'Neo4j heap used/max MiB', ''], Object.entries(throughputs).map(([name, t]) => [
      name,
      t.graphql.rps,
      t.rawDriver.rps,
      t.retention,
      `${Math.min(...t.roundRetentions)}-${Math.max(...t.roundRetentions)}`,
      t.graphql.errors + t.rawDriver.errors,
      t.memory.serverRssMiB as number,
      `${t.memory.neo4jHeapUsedMiB}/${t.memory.neo4jHeapMaxMiB}`,
      verdict(t.retention >= TARGETS.throughputRetention && t.graphql.errors + t.rawDriver.errors === 0),
    ]));
  }
  const peer = results.peer as { ours: Latency; neo4jGraphql: Latency; ratio: number } | undefined;
  if (peer) {
    table('3. Peer: the nested list, ours against @neo4j/graphql 7 over the same database (same answer checked)', ['server', 'p50 ms', 'p90 ms', 'peer p50 / ours p50', ''], [
      ['ours', peer.ours.p50, peer.ours.p90, peer.ratio, verdict(peer.ratio >= TARGETS.peer)],
      ['@neo4j/graphql', peer.neo4jGraphql.p50, peer.neo4jGraphql.p90, '', ''],
    ]);
  }
  const lists = results.lists as ListRow[] | undefined;
  if (lists) {
    table(
      `7. Lists at ${LARGEST} companies: a page of 50, ours against @neo4j/graphql 7 over the same database (p50 ms; ratio = peer / ours)`,
      ['list', 'shape', 'same page', 'ours', 'peer', 'ratio', 'ours +count', 'peer +count', 'ratio', `page < ${TARGETS.listPageMs} ms, ours <= peer`],
      lists.map((r) => {
        const ratio = Math.round((r.peer.p50 / r.ours.p50) * 100) / 100;
        const countRatio = r.peerCount ? Math.round((r.peerCount.p50 / r.oursCount.p50) * 100) / 100 : 'peer failed';
        return [r.list, r.shape, r.same ? 'yes' : 'NO', r.ours.p50, r.peer.p50, ratio, r.oursCount.p50, r.peerCount?.p50 ?? 'error', countRatio, verdict(r.ours.p50 < TARGETS.listPageMs && ratio >= 1)];
      }),
    );
  }
  const totals = results.totals as TotalsRow[] | undefined;
  if (totals) {
    table(
      `9. Totals at ${LARGEST} companies: ours, @neo4j/graphql 7 and one hand-written statement where they can say the same (p50 ms; peer ratio = peer / ours, raw ratio = ours / raw)`,
      ['total', 'ours', 'peer', 'peer ratio', 'ours beside raw', 'raw', 'raw ratio', 'same count', 'target', ''],
      totals.map((r) => {
        const peerRatio = r.peer ? Math.round((r.peer.p50 / r.ours.p50) * 100) / 100 : '';
        const rawRatio = r.raw && r.oursBesideRaw ? Math.round((r.oursBesideRaw.p50 / r.raw.p50) * 100) / 100 : '';
        const met = r.targetMs !== undefined ? r.ours.p50 <= r.targetMs : r.sameCount === true && Number(peerRatio) >= 1 && Number(rawRatio) <= 1.25;
        return [r.name, r.ours.p50, r.peer?.p50 ?? '', peerRatio, r.oursBesideRaw?.p50 ?? '', r.raw?.p50 ?? '', rawRatio, r.sameCount === undefined ? '' : r.sameCount ? 'yes' : 'NO', r.target, verdict(met)];
      }),
    );
  }
  const writes = results.writes as WriteTiming[] | undefined;
  if (writes) {
    table(`8. Writes at ${LARGEST} companies: one client over HTTP, fresh companies per write`, ['mutation', 'round trips', 'p50 ms', 'p90 ms', ''], writes.map((w) => [
      w.mutation,
      w.roundTrips,
      w.latency.p50,
      w.latency.p90,
      w.mutation === 'recordInvestment' ? `<= ${TARGETS.writeRoundTrips} trips, <= ${TARGETS.recordInvestmentMs} ms: ${verdict(w.roundTrips <= TARGETS.writeRoundTrips && w.latency.p50 <= TARGETS.recordInvestmentMs)}` : verdict(w.roundTrips <= TARGETS.writeRoundTrips),
    ]));
  }
  const scales = Object.keys(growth).map(Number).sort((a, b) => a - b);
  if (scales.length === 0 || !runs('growth')) return;
  const smallest = scales[0] as number;
  const busiest = results.busiestInvestor as Record<number, ScaleContext>;
  log(`\nbusiest investor (the "busiest" rows): ${scales.map((s) => `${s}: ${busiest[s]?.busiestInvestorId} with ${busiest[s]?.busiestInvestorDegree} investees`).join('; ')}`);
  table(
    '4. Growth: p50 ms by graph size (GraphQL over HTTP, one client)',
    ['operation', ...scales.map(String), `${LARGEST}/${smallest}`, ''],
    GROWTH.map(({ name, fromCompany }) => {
      const ratio = Math.round(((growth[LARGEST]?.[name]?.p50 ?? NaN) / (growth[smallest]?.[name]?.p50 ?? NaN)) * 100) / 100;
      return [name, ...scales.map((s) => growth[s]?.[name]?.p50 ?? ''), ratio, fromCompany ? `target <= ${TARGETS.growth}: ${verdict(ratio <= TARGETS.growth)}` : 'bounded page'];
    }),
  );
  type ImportRun = Awaited<ReturnType<typeof importFile>>;
  const sample = results.importSample as { perFact: ImportRun; batched: ImportRun };
  const speedup = Math.round(((imports[LARGEST] as ImportRun).recordsPerSecond / sample.perFact.recordsPerSecond) * 10) / 10;
  table('5. Import rate (records/s)', ['run', 'records', 'seconds', 'records/s', ''], [
    ['sample, one transaction per record', sample.perFact.records, sample.perFact.writeSeconds, sample.perFact.recordsPerSecond, ''],
    [`sample, batches of ${BATCH}`, sample.perFact.records, sample.batched.writeSeconds, sample.batched.recordsPerSecond, ''],
    ...scales.map((s) => {
      const i = imports[s] as ImportRun;
      return [`${s} companies, batches of ${BATCH}`, i.records, i.writeSeconds, i.recordsPerSecond, s === LARGEST ? `${speedup}x per-record (target >= ${TARGETS.importSpeedup}x): ${verdict(speedup >= TARGETS.importSpeedup)}` : ''];
    }),
  ]);
  results.importSpeedup = speedup;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
