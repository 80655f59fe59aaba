import type { ApolloServer } from '@apollo/server';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { FACTS } from '../facts/registry';
import type { RequestContext } from '../graphql/context';
import type { ServerDependencies } from '../http/server-dependencies';
import { createContext } from '../http/request-context';
import { csvRow } from './formats/csv';

// A totals answer as one CSV table (RFC 4180, through the export's csvRow): one row per group, one column per leaf the
// query selects on a group (`key.investor.id`, `count`, `money.headlineUsd`...), in the order they first appear. The
// query runs through the same Apollo pipeline as an HTTP request (validation, limits, error codes), so the CSV says
// exactly what the API says.

/** The Query fields a totals CSV may come from: each fact type's totals query. */
export const TOTALS_QUERIES: readonly string[] = FACTS.map((definition) => `${definition.single}Totals`);

/** Why a query cannot be written as a totals CSV, or the error codes it was answered with. */
export class TotalsCsvError extends Error {}

/** The one totals field a document asks for, and whether it pages itself through `$after`. */
export function totalsField(query: string): { field: string; pages: boolean } {
  let document;
  try {
    document = parse(query);
  } catch (error) {
    throw new TotalsCsvError(`not a GraphQL query: ${(error as Error).message}`);
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  const fields = operation?.selectionSet.selections ?? [];
  const top = fields[0];
  if (operations.length !== 1 || operation?.operation !== 'query' || fields.length !== 1 || top?.kind !== Kind.FIELD || !TOTALS_QUERIES.includes(top.name.value)) {
    throw new TotalsCsvError(`the query must ask for exactly one of ${TOTALS_QUERIES.join(', ')}`);
  }
  if (top.alias) throw new TotalsCsvError('the totals field may not be aliased');
  const pages = (operation.variableDefinitions ?? []).some((v) => v.variable.name.value === 'after');
  return { field: top.name.value, pages };
}

/** A group's leaves by dotted path; lists (a group's facts) as they are, written as their JSON text. */
export function flatten(value: unknown, prefix = '', into: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into.set(prefix, value);
  }
  return into;
}

/** The groups of one page of a totals answer: its nodes, or its edges' nodes. */
function groupsOf(answer: Record<string, unknown>): unknown[] {
  if (Array.isArray(answer.nodes)) return answer.nodes;
  if (Array.isArray(answer.edges)) return (answer.edges as { node?: unknown }[]).map((edge) => edge.node ?? null);
  throw new TotalsCsvError('select the groups: nodes { ... } or edges { node { ... } }');
}

/**
 * Runs a totals query and returns its groups as CSV text, a header first. With a `$after` variable and `pageInfo {
 * hasNextPage endCursor }` selected, every page is read; otherwise the one page asked for. Errors are TotalsCsvError
 * naming their codes (BAD_USER_INPUT, QUERY_LIMIT_EXCEEDED...).
 */
export async function totalsCsv<L>(apollo: ApolloServer<RequestContext>, deps: ServerDependencies<L>, query: string, variables: Record<string, unknown> = {}): Promise<{ csv: string; rows: number; pages: number }> {
  const { field, pages: paging } = totalsField(query);
  const rows: Map<string, unknown>[] = [];
  let after: unknown = variables.after ?? null;
  let pages = 0;
  for (;;) {
    const response = await apollo.executeOperation({ query, variables: { ...variables, ...(paging ? { after } : {}) } }, { contextValue: createContext(deps, undefined, { roundTrips: 0 }) });
    if (response.body.kind !== 'single') throw new TotalsCsvError('unexpected incremental response');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw new TotalsCsvError(errors.map((e) => `${String(e.extensions?.code ?? 'ERROR')}: ${e.message}`).join('\n'));
    const answer = (data as Record<string, Record<string, unknown>>)[field] as Record<string, unknown>;
    rows.push(...groupsOf(answer).map((group) => flatten(group)));
    pages++;
    const info = answer.pageInfo as { hasNextPage?: boolean; endCursor?: string | null } | undefined;
    if (!paging || !info?.hasNextPage || !info.endCursor) break;
    after = info.endCursor;
  }
  // A company that is null in some groups (a round without a lead) and an object in others is its leaves' columns only.
  const seen = [...new Set(rows.flatMap((row) => [...row.keys()]))];
  const columns = seen.filter((column) => !seen.some((other) => other.startsWith(`${column}.`)));
  return { csv: csvRow(columns) + rows.map((row) => csvRow(columns.map((column) => row.get(column) ?? null))).join(''), rows: rows.length, pages };
}
