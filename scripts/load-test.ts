import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config';
import { projectRoot } from '../src/platform/project-root';
import { ManagedNeo4j } from '../src/managed-neo4j/managed-neo4j';
import { freePort } from './free-port';
import { ANALYTICS_OPERATIONS } from './analytics-operations';

/**
 * `npm run test:load`: the real server process under a mixed read workload plus a trickle of idempotent writes,
 * then checks the data through the API (counts, no duplicates). Uses NEO4J_URI when set, else a managed Neo4j of
 * its own on NEO4J_LOAD_BOLT_PORT (fresh data, seeded by the server, stopped at the end). Exits 1 on any error.
 */
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '20' },
    'write-connections': { type: 'string', default: '2' },
    'write-rate': { type: 'string', default: '4' },
  },
});
const DURATION_S = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const WRITE_CONNECTIONS = Number(args['write-connections']);
const WRITE_RATE = Number(args['write-rate']);
const WRITER_KEY = 'load-test-writer-key';
const ROOT = projectRoot();
/** Writes cycle over this many investment ids, so most writes repeat an earlier one and must not duplicate it. */
const DISTINCT_WRITES = 40;
const INVESTEES = ['anthropic', 'openai', 'mistral', 'xai'];

const READS: { name: string; query: string }[] = [
  { name: 'company', query: '{ company(id: "anthropic") { id name kind parent { id } totalRaisedUsd competitors { id name } } }' },
  {
    name: 'nested list',
    query: '{ companies(first: 20) { edges { node { id name investmentsReceived { id amountUsd investor { id name } } competitors { id name } } } } }',
  },
  // Every analytics query: the first of its requests on the seed, from its declaration.
  ...ANALYTICS_OPERATIONS.map(({ seed: [first] }) => ({ name: first.name, query: first.query })),
  { name: 'searchCompanies', query: '{ searchCompanies(text: "antropic", first: 5) { company { id } } }' },
  { name: 'investments as of', query: '{ investments(filter: { investeeId: "openai" }, first: 20) { totalCount edges { node { id amountUsd announcedOn } } } }' },
];

function writeBody(k: number): string {
  const query = `mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }`;
  const input = {
    id: `load-inv-${k}`,
    investorId: 'load-investor',
    investeeId: INVESTEES[k % INVESTEES.length],
    amountUsd: (k + 1) * 1_000_000,
    amountKind: 'PAID',
    announcedOn: '2025-06',
    round: 'Load test',
    status: 'COMPLETED',
    sources: [{ url: `https://example.com/load-test/${k}`, publisher: 'Load test', title: `Load test fact ${k}` }],
  };
  return JSON.stringify({ query, variables: { input } });
}

async function gql<T>(base: string, query: string, variables?: unknown, key?: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

async function waitReady(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/ready`)).ok) return;
    } catch {
      // not listening yet: it listens once migrations and the seed are done
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms`);
}

interface Tally {
  ok: number;
  failed: number;
  samples: string[];
}

function checker(tally: Tally) {
  return (status: number, body: string) => {
    if (status === 200 && !body.includes('"errors"')) tally.ok += 1;
    else {
      tally.failed += 1;
      if (tally.samples.length < 5) tally.samples.push(`${status} ${body.slice(0, 300)}`);
    }
  };
}

const COUNTS = `{
  companies(first: 1) { totalCount } investments(first: 1) { totalCount }
  computeDeals(first: 1) { totalCount } rivalries(first: 1) { totalCount }
}`;
type Counts = Record<'companies' | 'investments' | 'computeDeals' | 'rivalries', { totalCount: number }>;

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NEO4J_URI: process.env.NEO4J_URI ?? '' });
  let owned: ManagedNeo4j | undefined;
  let uri = config.neo4j.uri;
  let user = config.neo4j.user;
  let password = config.neo4j.password;
  if (uri === '') {
    const port = Number(process.env.NEO4J_LOAD_BOLT_PORT ?? 7690);
    owned = new ManagedNeo4j(
      config.managed,
      { name: `load-${port}`, boltPort: port, user: 'neo4j', password: 'load-password', heapSize: '2g', pageCacheSize: '1g' },
      (line) => console.log(line),
    );
    if (owned.status().running) throw new Error(`a load-test Neo4j already runs on port ${port}; stop it or set NEO4J_LOAD_BOLT_PORT`);
    owned.wipeData();
    uri = (await owned.start()).uri;
    user = 'neo4j';
    password = 'load-password';
  }

  const httpPort = await freePort();
  const base = `http://127.0.0.1:${httpPort}`;
  const server = spawn(process.execPath, [path.join(ROOT, 'dist/src/index.js')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(httpPort), NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, API_KEYS: WRITER_KEY, LOG_LEVEL: 'warn', SEED_ON_START: 'true', RATE_LIMIT_RPS: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const cleanUp = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await owned?.stop();
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

  try {
    await waitReady(base, server, 300000);
    // Warm up, and time each query alone so a slow one stands out from the mixed figures.
    const solo: Record<string, number> = {};
    for (const read of READS) {
      const times: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const started = performance.now();
        await gql(base, read.query);
        times.push(performance.now() - started);
      }
      solo[read.name] = Number(times.sort((a, b) => a - b)[3].toFixed(1));
    }
    console.log('median latency of each read alone (ms):', solo);
    await gql(base, 'mutation { createCompany(input: { id: "load-investor", name: "Load Test Capital", kind: INVESTOR }) { id } }', undefined, WRITER_KEY);
    const before = await gql<Counts>(base, COUNTS);

    const reads: Tally = { ok: 0, failed: 0, samples: [] };
    const writes: Tally = { ok: 0, failed: 0, samples: [] };
    const writtenIds = new Set<string>();
    const ackedIds = new Set<string>();
    let next = 0;
    console.log(`load: ${DURATION_S} s, ${CONNECTIONS} read connections over ${READS.length} queries, writes at ${WRITE_RATE}/s on ${WRITE_CONNECTIONS} connections`);
    const headers = { 'content-type': 'application/json' };
    const [readResult, writeResult] = await Promise.all([
      autocannon({
        url: `${base}/graphql`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: READS.map((read) => ({ method: 'POST' as const, headers, body: JSON.stringify({ query: read.query }), onResponse: checker(reads) })),
      }),
      autocannon({
        url: `${base}/graphql`,
        connections: WRITE_CONNECTIONS,
        duration: DURATION_S,
        overallRate: WRITE_RATE,
        requests: [
          {
            method: 'POST' as const,
            headers: { ...headers, authorization: `Bearer ${WRITER_KEY}` },
            setupRequest: (request) => {
              const k = next++ % DISTINCT_WRITES;
              writtenIds.add(`load-inv-${k}`);
              return { ...request, body: writeBody(k) };
            },
            onResponse: (status, body) => {
              checker(writes)(status, body);
              const acked = /"recordInvestment":\{"id":"([^"]+)"/.exec(body)?.[1];
              if (acked) ackedIds.add(acked);
            },
          },
        ],
      }),
    ]);

    // autocannon stops at the deadline without waiting for the last responses: let those writes finish first.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    // The data afterwards: every acknowledged write there exactly once, nothing else changed.
    const after = await gql<Counts>(base, COUNTS);
    const made = await gql<{ company: { investmentsMade: { id: string; investee: { id: string } }[] } }>(
      base,
      '{ company(id: "load-investor") { investmentsMade { id investee { id } } } }',
    );
    const madeIds = made.company.investmentsMade.map((i) => i.id);
    const received = await Promise.all(
      INVESTEES.map((id) => gql<{ company: { investmentsReceived: { id: string }[] } }>(base, `query($id: ID!) { company(id: $id) { investmentsReceived { id } } }`, { id })),
    );
    const receivedLoadIds = received.flatMap((r) => r.company.investmentsReceived.map((i) => i.id)).filter((id) => id.startsWith('load-inv-'));
    const checks: [string, boolean, string][] = [
      ['no failed reads', reads.failed === 0, `${reads.failed} failed`],
      ['no failed writes', writes.failed === 0, `${writes.failed} failed`],
      ['no connection errors or timeouts', readResult.errors + writeResult.errors + readResult.timeouts + writeResult.timeouts === 0, `${readResult.errors + writeResult.errors} errors`],
      ['investments grew by the distinct ids stored', after.investments.totalCount - before.investments.totalCount === madeIds.length, `${before.investments.totalCount} -> ${after.investments.totalCount}`],
      ['every acknowledged id stored, only ids sent', [...ackedIds].every((id) => madeIds.includes(id)) && madeIds.every((id) => writtenIds.has(id)), `${ackedIds.size} acknowledged, ${madeIds.length} stored, ${writtenIds.size} sent`],
      ['no id twice at the investor', new Set(madeIds).size === madeIds.length, `${madeIds.length} investments`],
      ['investees see exactly the investor\'s facts', receivedLoadIds.length === madeIds.length && new Set(receivedLoadIds).size === receivedLoadIds.length, `${receivedLoadIds.length} investments`],
      ['companies, compute deals, rivalries unchanged', after.companies.totalCount === before.companies.totalCount && after.computeDeals.totalCount === before.computeDeals.totalCount && after.rivalries.totalCount === before.rivalries.totalCount, `${after.companies.totalCount} companies`],
    ];

    const figures = {
      at: new Date().toISOString(),
      durationS: DURATION_S,
      connections: CONNECTIONS,
      soloMedianMs: solo,
      reads: { requests: readResult.requests.total, perSecond: readResult.requests.average, ok: reads.ok, failed: reads.failed, latencyMs: pick(readResult.latency) },
      writes: { requests: writeResult.requests.total, perSecond: writeResult.requests.average, ok: writes.ok, failed: writes.failed, distinctIds: ackedIds.size, latencyMs: pick(writeResult.latency) },
      checks: checks.map(([name, passed, detail]) => ({ name, passed, detail })),
    };
    console.log('\n                 requests   req/s    p50    p90    p99    max  (ms)   failed');
    for (const [label, result, tally] of [['reads', readResult, reads], ['writes', writeResult, writes]] as const) {
      const l = result.latency;
      console.log(
        `${label.padEnd(16)} ${String(result.requests.total).padStart(8)} ${result.requests.average.toFixed(1).padStart(7)} ${[l.p50, l.p90, l.p99, l.max].map((v) => String(v).padStart(6)).join(' ')}       ${String(tally.failed).padStart(6)}`,
      );
    }
    console.log('');
    for (const [name, passed, detail] of checks) console.log(`${passed ? 'PASS' : 'FAIL'}  ${name} (${detail})`);
    for (const sample of [...reads.samples, ...writes.samples]) console.log(`  failure: ${sample}`);
    const dir = path.join(ROOT, 'bench', 'results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `load-${figures.at.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`\nfigures written to ${path.relative(ROOT, file)}`);
    process.exitCode = checks.every(([, passed]) => passed) ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

function pick(latency: autocannon.Histogram) {
  return { p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max, mean: latency.mean };
}

main().catch((error: unknown) => {
  console.error(`load test failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
