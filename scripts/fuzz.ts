import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { createApplication } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/platform/logger';
import { projectRoot } from '../src/platform/project-root';
import { testInstance } from '../src/managed-neo4j/instances';
import { loadDataset } from '../src/seed/load-dataset';
import { startServer } from '../src/server';
import { runFuzz } from './fuzz/run-fuzz';

/**
 * `npm run test:fuzz -- --seed S --requests N`: the seed dataset in a database the tests own (NEO4J_URI, or the
 * managed test instance, which it starts and stops), the server in this process in production mode, and N requests
 * generated from the schema and from malformed HTTP, from writers, readers and strangers. Prints the report, writes it
 * to bench/results/, and exits 1 on any failure.
 */
const { values: args } = parseArgs({ options: { seed: { type: 'string', default: '1' }, requests: { type: 'string', default: '15000' } } });
const KEYS = { writer: 'fuzz-writer-key', reader: 'fuzz-reader-key' };

async function main(): Promise<void> {
  const seed = Number(args.seed);
  const requests = Number(args.requests);
  if (!Number.isInteger(seed) || seed < 0 || !Number.isInteger(requests) || requests < 1) throw new Error('--seed and --requests take non-negative integers (requests at least 1)');
  const logger = createLogger('silent');
  const environment = process.env.NEO4J_URI ? process.env : { ...process.env, NEO4J_URI: '' };
  const managed = process.env.NEO4J_URI ? undefined : testInstance(loadConfig(environment), (line) => process.stderr.write(`${line}\n`));
  const started = managed ? await managed.start() : undefined;
  const uri = started?.uri ?? (process.env.NEO4J_URI as string);
  const config = loadConfig({
    NODE_ENV: 'production',
    // The fuzzer floods one server from one address: a rate limit would answer 429 to what it means to try.
    RATE_LIMIT_RPS: '0',
    LOG_LEVEL: 'silent',
    PORT: '0',
    NEO4J_URI: uri,
    NEO4J_USER: managed ? 'neo4j' : process.env.NEO4J_USER,
    NEO4J_PASSWORD: managed ? 'test-password' : process.env.NEO4J_PASSWORD,
    API_KEYS: KEYS.writer,
    READER_API_KEYS: KEYS.reader,
  });
  const app = await createApplication(config, uri, logger);
  try {
    process.stderr.write(`loading the seed dataset into ${uri} (its data is replaced) ...\n`);
    await app.db.writeRows('MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
    await loadDataset(app.repos);
    const server = await startServer(app.deps);
    const bar = new cliProgress.SingleBar({ format: 'fuzz |{bar}| {value}/{total} requests | {duration}s', stream: process.stderr }, cliProgress.Presets.shades_classic);
    bar.start(requests, 0);
    const report = await runFuzz({ seed, requests, base: server.url.replace(/\/graphql$/, ''), schema: app.schema, db: app.db, keys: KEYS }, (done) => bar.update(done));
    bar.stop();
    await server.stop();
    const out = path.join(projectRoot(), 'bench', 'results', `fuzz-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    const { failures, ...summary } = report;
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\nfailures: ${failures.length}\n${failures.slice(0, 50).join('\n')}\nreport written to ${path.relative(projectRoot(), out)}\n`);
    process.exitCode = failures.length > 0 ? 1 : 0;
  } finally {
    await app.close();
    if (started?.started) await managed?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`fuzz: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
