import 'reflect-metadata';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config';
import { openCliApplication } from './cli-application';
import { DomainError } from '../domain/errors';
import { TOTALS_QUERIES, TotalsCsvError, totalsCsv } from '../export/totals-csv';
import { DatabaseUnavailableError } from '../neo4j/database-unavailable-error';
import { createApollo } from '../server';

const USAGE = `usage: npm run totals:csv -- --query '{ investmentTotals(groupBy: [INVESTOR]) { nodes { key { investor { id name } } count money { headlineUsd } } } }' [--variables JSON] [--out FILE (default: stdout)]
  the query asks for one of ${TOTALS_QUERIES.join(', ')}; declare $after (query ($after: String) { ...(after: $after) { ... pageInfo { hasNextPage endCursor } } }) to write every page`;

class UsageError extends Error {}

export interface TotalsCsvArguments {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly out: string;
}

/** The command line, checked: every mistake is a UsageError naming it. */
export function totalsCsvArguments(argv: string[]): TotalsCsvArguments {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: false, options: { query: { type: 'string' }, variables: { type: 'string' }, out: { type: 'string', default: '-' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  if (!values.query) throw new UsageError(`--query is required\n${USAGE}`);
  let variables: unknown = {};
  if (values.variables !== undefined) {
    try {
      variables = JSON.parse(values.variables);
    } catch {
      throw new UsageError(`--variables must be a JSON object\n${USAGE}`);
    }
    if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) throw new UsageError(`--variables must be a JSON object\n${USAGE}`);
  }
  if (values.out === '') throw new UsageError(`--out needs a path\n${USAGE}`);
  return { query: values.query, variables: variables as Record<string, unknown>, out: values.out ?? '-' };
}

/**
 * `npm run totals:csv -- --query '...'`: answers a totals query against NEO4J_URI (or the managed local Neo4j, started
 * if needed and left running) through the API's own pipeline, and writes its groups as CSV.
 */
async function main(argv: string[]): Promise<void> {
  const args = totalsCsvArguments(argv);
  const { app, say } = await openCliApplication();
  const apollo = createApollo(app.deps);
  await apollo.start();
  try {
    const { csv, rows, pages } = await totalsCsv(apollo, app.deps, args.query, args.variables);
    if (args.out === '-') process.stdout.write(csv);
    else fs.writeFileSync(args.out, csv);
    say(`${rows} groups from ${pages} page${pages === 1 ? '' : 's'} written to ${args.out === '-' ? 'stdout' : args.out}`);
  } finally {
    await apollo.stop();
    await app.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    const readable = [UsageError, TotalsCsvError, ConfigError, DatabaseUnavailableError, DomainError].some((type) => error instanceof type);
    process.stderr.write(`totals:csv: ${readable ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
