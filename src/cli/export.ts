import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { ConfigError } from '../config';
import { openCliApplication } from './cli-application';
import { DomainError } from '../domain/errors';
import { formatPartialDate, parsePartialDate, type PartialDate } from '../domain/partial-date';
import { defaultExportPath, exportGraph } from '../export/export-graph';
import { EXPORT_FORMATS, type ExportFormat } from '../export/format-writer';
import { DatabaseUnavailableError } from '../neo4j/database-unavailable-error';

const USAGE = `usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} [--as-of YYYY[-MM[-DD]]] [--out FILE (a folder for csv; - for stdout)] [--page-size N (1..50000, default 2000)]`;

class UsageError extends Error {}

export interface ExportArguments {
  readonly format: ExportFormat;
  readonly asOf: PartialDate | null;
  readonly out: string;
  readonly pageSize: number;
}

/** The command line, checked: every mistake is a UsageError naming it. */
export function exportArguments(argv: string[]): ExportArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: { format: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' }, 'page-size': { type: 'string', default: '2000' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  const format = values.format as ExportFormat | undefined;
  if (!format) throw new UsageError(`--format is required\n${USAGE}`);
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}"\n${USAGE}`);
  let asOf: PartialDate | null = null;
  if (values['as-of'] !== undefined) {
    try {
      asOf = parsePartialDate(values['as-of']);
    } catch (error) {
      throw new UsageError(`--as-of: ${error instanceof DomainError ? error.message : String(error)}\n${USAGE}`);
    }
  }
  const pageSize = Number(values['page-size']);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50000) throw new UsageError(`--page-size must be an integer from 1 to 50000\n${USAGE}`);
  if (values.out === '') throw new UsageError(`--out needs a path\n${USAGE}`);
  if (values.out === '-' && format === 'csv') throw new UsageError(`csv writes one file per section into a folder; --out - (stdout) is for json, graphml and cypher\n${USAGE}`);
  return { format, asOf, out: values.out ?? defaultExportPath(format, asOf), pageSize };
}

/**
 * `npm run export -- --format json|csv|graphml|cypher [--as-of DATE] [--out FILE]`: writes the graph of NEO4J_URI, or
 * of the managed local Neo4j (started if needed, and left running), page by page with a progress bar on stderr.
 */
async function main(argv: string[]): Promise<void> {
  const args = exportArguments(argv);
  const { app, uri, say } = await openCliApplication();
  const bar = new SingleBar(
    { format: ' export [{bar}] {percentage}% | {value}/{total} records | {rate} records/s | ETA {eta_formatted} | {section}', hideCursor: true, etaBuffer: 50, stream: process.stderr },
    Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  try {
    const asOf = args.asOf ? formatPartialDate(args.asOf) : null;
    if (asOf) say(`as of ${asOf}: reading the facts known by then first, to count them and find the sources they cite ...`);
    const report = await exportGraph(app.db, app.catalog, {
      format: args.format,
      out: args.out,
      asOf: args.asOf,
      pageSize: args.pageSize,
      onCounting: (section, records) => {
        if (process.stderr.isTTY) process.stderr.write(`\r counted ${records} ${section}   `);
      },
      onStart: (total) => {
        if (asOf && process.stderr.isTTY) process.stderr.write('\n');
        bar.start(total, 0, { section: '', rate: 0 });
      },
      onProgress: (section, records) => {
        done += records;
        bar.update(done, { section, rate: Math.round(done / Math.max((Date.now() - started) / 1000, 0.001)) });
      },
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    say(
      `exported ${report.records} records from ${uri} as ${args.format} to ${args.out === '-' ? 'stdout' : args.out} in ${seconds.toFixed(1)} s` +
        `${asOf ? `, as of ${asOf} (${report.keptWhole} facts kept whole, their later events included: see README)` : ''}\n${JSON.stringify(report.perSection)}`,
    );
  } finally {
    bar.stop();
    await app.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    const readable = [UsageError, ConfigError, DatabaseUnavailableError, DomainError].some((type) => error instanceof type);
    process.stderr.write(`export: ${readable ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
