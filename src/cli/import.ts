import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { createApplication } from '../app';
import { ConfigError, loadConfig } from '../config';
import { loadDotEnv } from '../platform/dotenv';
import { createLogger } from '../platform/logger';
import { importDataset } from '../import/bulk-import';
import { ImportRejectedError } from '../import/preflight';
import { DatabaseUnavailableError } from '../neo4j/database-unavailable-error';
import { developmentInstance } from '../managed-neo4j/instances';
import { DatasetError } from '../seed/dataset';

const USAGE = 'usage: npm run import -- FILE|CSV-FOLDER [--batch-size N (1..50000, default 5000)] [--fresh (ignore a saved checkpoint)]';

class UsageError extends Error {}

function options(argv: string[]): { file: string; batchSize: number; fresh: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'batch-size': { type: 'string', default: '5000' }, fresh: { type: 'boolean', default: false } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const batchSize = Number(parsed.values['batch-size']);
  if (parsed.positionals.length !== 1) throw new UsageError(USAGE);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50000) throw new UsageError(`--batch-size must be an integer from 1 to 50000\n${USAGE}`);
  return { file: parsed.positionals[0] as string, batchSize, fresh: parsed.values.fresh === true };
}

/**
 * `npm run import -- FILE`: bulk-loads a dataset file (the seed format, e.g. one written by `npm run generate`), or a
 * folder of CSV files laid out as `npm run export --format csv` writes them, into NEO4J_URI, or into the managed
 * local Neo4j (started if needed, and left running). Transactions may run longer here than for API requests, since
 * one batch carries thousands of records.
 */
async function main(argv: string[]): Promise<void> {
  const { file, batchSize, fresh } = options(argv);
  loadDotEnv();
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const uri = config.neo4j.uri || (await developmentInstance(config, (line) => process.stdout.write(`${line}\n`)).start()).uri;
  const app = await createApplication(config, uri, logger, { serve: false });
  const bar = new SingleBar(
    { format: ' import [{bar}] {percentage}% | {value}/{total} records | {rate} records/s | ETA {eta_formatted} | {section}', hideCursor: true, etaBuffer: 50 },
    Presets.shades_classic,
  );
  process.stdout.write(`reading and validating ${file} ...\n`);
  let started = 0;
  let startedAt = 0;
  let done = 0;
  try {
    const report = await importDataset(app.db, app.catalog, file, {
      batchSize,
      resume: !fresh,
      onStart: (total, alreadyDone) => {
        if (alreadyDone > 0) process.stdout.write(`resuming: ${alreadyDone} records were committed by an earlier run\n`);
        started = alreadyDone;
        done = alreadyDone;
        startedAt = Date.now();
        bar.start(total, alreadyDone, { section: '', rate: 0 });
      },
      onBatch: (section, records) => {
        done += records;
        const seconds = (Date.now() - startedAt) / 1000;
        bar.update(done, { section, rate: Math.round((done - started) / Math.max(seconds, 0.001)) });
      },
    });
    bar.stop();
    const seconds = report.writeMs / 1000;
    for (const name of report.resolvedNames) process.stdout.write(`${name.file} row ${name.row}, column ${name.column}: "${name.name}" read as ${name.id} (score ${name.score.toFixed(2)})\n`);
    process.stdout.write(
      `imported ${report.records} records (${report.facts} facts) into ${uri} in ${report.batches} batches of up to ${batchSize}: ` +
        `validation ${(report.validateMs / 1000).toFixed(1)} s, writing ${seconds.toFixed(1)} s (${Math.round((done - started) / Math.max(seconds, 0.001))} records/s)` +
        `${report.resumedFromCheckpoint ? ', resumed from a checkpoint' : ''}\n${JSON.stringify(report.perSection)}\n` +
        `of validation, the pre-flight against the database ${(report.preflightMs / 1000).toFixed(1)} s; of writing, ${Object.entries(report.sectionMs)
          .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
          .join(', ')}, the stored rankings ${(report.rankingsMs / 1000).toFixed(1)} s\n`,
    );
  } finally {
    bar.stop();
    await app.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const readable = [UsageError, DatasetError, ImportRejectedError, ConfigError, DatabaseUnavailableError].some((type) => error instanceof type);
  process.stderr.write(`import: ${readable ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
