import crypto from 'node:crypto';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { projectRoot } from '../../src/platform/project-root';
import { CypherCatalog } from '../../src/neo4j/cypher-catalog';
import type { Database } from '../../src/neo4j/database';
import { Random } from '../../src/synthetic/random';
import { generateRequest, type FuzzRequest } from './generate-request';

/** Anything an answer must never carry: stack frames, Cypher, Neo4j status codes, where the database lives. */
export const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|node_modules/],
  ['stacktrace extension', /stacktrace/i],
  ['Cypher', /\b(MATCH|MERGE|UNWIND|DETACH DELETE|RETURN)\s*[(a-z]/],
  ['Neo4j status code', /Neo\.(ClientError|TransientError|DatabaseError)/],
  ['database address', /bolt:\/\/|neo4j:\/\/|:7687|:7688|:7690/],
];

export interface FuzzOptions {
  readonly seed: number;
  readonly requests: number;
  /** Base URL of the server under test, e.g. http://127.0.0.1:4567. */
  readonly base: string;
  readonly schema: GraphQLSchema;
  /** The server's database, read to prove that refused writes and reads change nothing. */
  readonly db: Database;
  readonly keys: { writer: string; reader: string };
  /** Reads are checked against the graph every this many requests (writes and malformed requests after each). */
  readonly readCheckEvery?: number;
}

export interface FuzzReport {
  readonly seed: number;
  readonly requests: number;
  readonly byKind: Record<string, number>;
  readonly byCaller: Record<string, number>;
  readonly byStatus: Record<string, number>;
  readonly byCode: Record<string, number>;
  readonly successfulWrites: number;
  readonly graphChecks: number;
  readonly longestStallMs: number;
  /** The request in flight when the longest stall happened. */
  readonly stalledDuring: string;
  /** The longest stall while the harness hashed the graph (its own work in this process, not the server's). */
  readonly longestCheckStallMs: number;
  readonly seconds: number;
  readonly failures: string[];
}

interface Answer {
  status: number;
  text: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function send(base: string, request: FuzzRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.path, base);
    const headers = { ...request.headers, ...(request.body !== undefined ? { 'content-length': String(Buffer.byteLength(request.body)) } : {}) };
    const req = http.request(url, { method: request.method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

const FUZZ_CYPHER = new CypherCatalog(path.join(projectRoot(), 'scripts', 'fuzz', 'cypher'));

/** Every node and relationship with all its properties, hashed: equal hashes mean nothing at all was written. */
export async function graphFingerprint(db: Database): Promise<string> {
  const [row] = await db.readRows(FUZZ_CYPHER.get('graph-fingerprint'));
  const stable = (value: unknown): string =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? `{${Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, item]) => `${key}:${stable(item)}`)
          .join(',')}}`
      : JSON.stringify(value);
  const all = [...((row?.nodes as unknown[]) ?? []), ...((row?.rels as unknown[]) ?? []), { logged: row?.logged ?? 0 }].map(stable).sort();
  return crypto.createHash('sha256').update(all.join('\n')).digest('hex');
}

const count = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

/**
 * Sends `requests` schema-driven and malformed requests from a seeded stream, one at a time, and checks every
 * answer: no 5xx, no INTERNAL_SERVER_ERROR or uncoded error, nothing internal in an error, no change to the graph
 * except by a write that succeeded, and no event-loop stall over a second in this process (where the server runs).
 */
export async function runFuzz(options: FuzzOptions, onProgress?: (done: number) => void): Promise<FuzzReport> {
  const rng = Random.seeded(options.seed);
  const checkEvery = options.readCheckEvery ?? 25;
  const report = { byKind: {}, byCaller: {}, byStatus: {}, byCode: {} } as Pick<FuzzReport, 'byKind' | 'byCaller' | 'byStatus' | 'byCode'>;
  const failures: string[] = [];
  let successfulWrites = 0;
  let graphChecks = 0;
  let fingerprint = await graphFingerprint(options.db);
  let writesSinceCheck = 0;
  let sinceCheck: string[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // Read while each request is in flight (the server's work), so a stall names its request; the harness's own graph
  // hash runs in this process too and is measured apart (it is not the server's).
  let longestStallMs = 0;
  let stalledDuring = '';
  let longestCheckStallMs = 0;
  const started = Date.now();
  for (let i = 0; i < options.requests; i++) {
    const request = generateRequest(rng, options.schema, options.keys);
    const where = `#${i} ${request.kind} ${request.label} (${request.caller})`;
    count(report.byKind, request.kind);
    count(report.byCaller, request.caller);
    let answer: Answer;
    loop.reset();
    try {
      answer = await send(options.base, request);
    } catch (error) {
      failures.push(`${where}: no answer (${(error as Error).message})`);
      continue;
    }
    const stallMs = Math.round(loop.max / 1e6);
    if (stallMs > longestStallMs) {
      longestStallMs = stallMs;
      stalledDuring = `${where} ${request.body?.slice(0, 400) ?? request.path}`;
    }
    count(report.byStatus, String(answer.status));
    if (answer.status >= 500) failures.push(`${where}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
    let body: { data?: Record<string, unknown> | null; errors?: { message?: string; extensions?: { code?: string } }[] } | undefined;
    try {
      body = JSON.parse(answer.text);
    } catch {
      body = undefined;
    }
    const errors = body?.errors ?? [];
    for (const error of errors) {
      const code = error.extensions?.code ?? 'NO_CODE';
      count(report.byCode, code);
      if (code === 'INTERNAL_SERVER_ERROR' || code === 'NO_CODE') failures.push(`${where}: ${code} ${JSON.stringify(error).slice(0, 300)} for ${request.body?.slice(0, 300)}`);
    }
    if (errors.length === 0 && answer.status === 200) count(report.byCode, 'none');
    const errorText = JSON.stringify(errors);
    for (const [what, pattern] of LEAKS) {
      if (pattern.test(errorText) && !pattern.test(request.body ?? '') && !pattern.test(request.path)) failures.push(`${where}: leaks a ${what}: ${errorText.slice(0, 300)}`);
    }
    const wrote = request.kind === 'mutation' && answer.status === 200 && Object.values(body?.data ?? {}).some((value) => value !== null);
    if (wrote) {
      successfulWrites += 1;
      writesSinceCheck += 1;
    }
    // Mutations carry their body, so an unearned change can be replayed from the failure alone.
    sinceCheck.push(request.kind === 'mutation' ? `${where} ${request.body?.slice(0, 400)} -> ${answer.text.slice(0, 200)}` : where);
    if (request.kind !== 'query' || i % checkEvery === checkEvery - 1 || i === options.requests - 1) {
      loop.reset();
      const now = await graphFingerprint(options.db);
      longestCheckStallMs = Math.max(longestCheckStallMs, Math.round(loop.max / 1e6));
      graphChecks += 1;
      if (now !== fingerprint && writesSinceCheck === 0) failures.push(`the graph changed without a successful write, during: ${sinceCheck.join('; ').slice(0, 2000)}`);
      fingerprint = now;
      writesSinceCheck = 0;
      sinceCheck = [];
    }
    onProgress?.(i + 1);
  }
  loop.disable();
  if (longestStallMs > 1000) failures.push(`the event loop stalled for ${longestStallMs} ms, during ${stalledDuring}`);
  return { seed: options.seed, requests: options.requests, ...report, successfulWrites, graphChecks, longestStallMs, stalledDuring, longestCheckStallMs, seconds: Math.round((Date.now() - started) / 1000), failures };
}
