/**
 * Shared helpers for the domain integration tests: every call goes through the full Apollo pipeline (app.gql)
 * against the real Neo4j test database.
 */
import crypto from 'node:crypto';
import { WRITER_KEY, type GraphQLResult, type TestApp } from '../../support/test-app';

export const AS_WRITER = { key: WRITER_KEY };

/** The first error of a result as { code, message }, so a failing expectation prints both. */
export function firstError(result: GraphQLResult<unknown>): { code: unknown; message: string } | undefined {
  const error = result.errors?.[0];
  return error ? { code: error.extensions?.code, message: error.message } : undefined;
}

/** Runs an operation that must succeed (as the writer unless told otherwise) and returns its data. */
export async function ok<T = any>(app: TestApp, query: string, variables?: Record<string, unknown>, options: { key?: string } = AS_WRITER): Promise<T> {
  const result = await app.gql<T>(query, variables, options);
  if (result.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/**
 * Runs a writer operation that must be refused with `code` and a message containing `field` (when given), and proves
 * that nothing was written: node and relationship counts are the same before and after, and no change was logged.
 */
export async function expectRefused(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> | undefined,
  code: string,
  field?: string,
  options: { key?: string } = AS_WRITER,
): Promise<GraphQLResult> {
  const before = { ...(await app.counts()), lastChange: await app.lastChange() };
  const result = await app.gql(query, variables, options);
  expect(firstError(result)).toEqual({ code, message: field === undefined ? expect.any(String) : expect.stringContaining(field) });
  expect({ ...(await app.counts()), lastChange: await app.lastChange() }).toEqual(before);
  return result;
}

export interface CompanySeed {
  id: string;
  name: string;
  kind: string;
  country?: string | null;
  founded?: number | null;
  aliases?: string[];
  website?: string | null;
}

/** Creates companies through createCompany (one request, aliased fields run in order). */
export async function createCompanies(app: TestApp, companies: CompanySeed[]): Promise<void> {
  if (companies.length === 0) return;
  const fields = companies.map((_, index) => `c${index}: createCompany(input: $c${index}) { id }`).join('\n');
  const signature = companies.map((_, index) => `$c${index}: CreateCompanyInput!`).join(', ');
  const variables = Object.fromEntries(companies.map((company, index) => [`c${index}`, company]));
  await ok(app, `mutation(${signature}) { ${fields} }`, variables);
}

/** Records sources through recordSource. */
export async function recordSources(app: TestApp, sources: { id: string; url: string; publisher?: string; title?: string; publishedOn?: string | null }[]): Promise<void> {
  for (const source of sources) {
    await ok(app, 'mutation($input: SourceInput!) { recordSource(input: $input) { id } }', {
      input: { publisher: 'Example News', title: `Report ${source.id}`, ...source },
    });
  }
}

/** Companies most tests use. */
export const CORE_COMPANIES: CompanySeed[] = [
  { id: 'amazon', name: 'Amazon', kind: 'BIG_TECH', country: 'US', founded: 1994 },
  { id: 'aws', name: 'Amazon Web Services', kind: 'CLOUD', country: 'US', founded: 2006, aliases: ['AWS'] },
  { id: 'anthropic', name: 'Anthropic', kind: 'AI_LAB', country: 'US', founded: 2021, aliases: ['Anthropic PBC'], website: 'https://www.anthropic.com' },
  { id: 'openai', name: 'OpenAI', kind: 'AI_LAB', country: 'US', founded: 2015 },
  { id: 'microsoft', name: 'Microsoft', kind: 'BIG_TECH', country: 'US', founded: 1975 },
  { id: 'google', name: 'Google', kind: 'BIG_TECH', country: 'US', founded: 1998 },
  { id: 'mistral', name: 'Mistral AI', kind: 'AI_LAB', country: 'FR', founded: 2023 },
];

/** Two sources most tests cite. */
export const CORE_SOURCES = [
  { id: 'src-one', url: 'https://news.example.com/one', publisher: 'Reuters', title: 'First report', publishedOn: '2023-09-25' },
  { id: 'src-two', url: 'https://news.example.com/two', publisher: 'TechCrunch', title: 'Second report', publishedOn: '2024-03' },
];

/** Resets the database and records CORE_COMPANIES and CORE_SOURCES. */
export async function coreWorld(app: TestApp): Promise<void> {
  await app.reset();
  await createCompanies(app, CORE_COMPANIES);
  await recordSources(app, CORE_SOURCES);
}

/** A string of `length` characters. */
export const long = (length: number) => 'x'.repeat(length);

/** A calendar day after today (facts must not be in the future). */
export function futureDay(): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + 30);
  return date.toISOString().slice(0, 10);
}

/** Every node (labels, properties) and relationship (type, start id, end id, properties), sorted, for deep comparison. */
export async function snapshotGraph(app: TestApp): Promise<{ nodes: unknown[]; relationships: unknown[] }> {
  const nodes = await app.db.readRows(
    'MATCH (n) WHERE NOT n:Migration RETURN labels(n) AS labels, properties(n) AS props ORDER BY labels(n)[0], n.id',
  );
  const relationships = await app.db.readRows(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props ORDER BY type, start, end, r.id',
  );
  const sortKey = (value: unknown) => JSON.stringify(value);
  return {
    nodes: [...nodes].sort((x, y) => sortKey(x).localeCompare(sortKey(y))),
    relationships: [...relationships].sort((x, y) => sortKey(x).localeCompare(sortKey(y))),
  };
}

/** The graph as a digest: every node and relationship outside the change log, with all its properties. */
export async function graphFingerprint(app: TestApp): Promise<string> {
  const nodes = await app.db.readRows('MATCH (n) WHERE NOT n:Migration AND NOT n:Meta RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await app.db.readRows('MATCH (a)-[r]->(b) WHERE NOT a:Meta AND NOT b:Meta RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props');
  const lines = [...nodes, ...rels].map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  return crypto.createHash('sha256').update(lines.join('\n')).digest('hex');
}

/**
 * Every node (labels and properties, each with its Cypher type) and every relationship (type, properties with types,
 * both ends by label and id), sorted, migration records and the change log aside. The write timestamps are left out:
 * neither a dataset file nor an export carries them (a load stamps its own time), so two loads of the same facts give
 * the same lines.
 */
export async function graphFacts(app: TestApp): Promise<string[]> {
  const typed = (props: Record<string, unknown>, types: string[]) => {
    const kinds = Object.fromEntries(types.map((t) => t.split('\u0000') as [string, string]));
    return Object.keys(props)
      .filter((key) => key !== 'createdAt' && key !== 'updatedAt')
      .sort()
      .map((key) => `${key}:${kinds[key]}=${JSON.stringify(props[key])}`)
      .join(' ');
  };
  const nodes = await app.db.readRows(
    "MATCH (n) WHERE NOT n:Migration AND NOT n:Meta RETURN labels(n) AS labels, properties(n) AS props, [k IN keys(n) | k + '\u0000' + valueType(n[k])] AS types",
  );
  const rels = await app.db.readRows(
    "MATCH (a)-[r]->(b) WHERE NOT a:Meta AND NOT b:Meta RETURN type(r) AS type, labels(a) AS from, a.id AS fromId, labels(b) AS to, b.id AS toId, properties(r) AS props, [k IN keys(r) | k + '\u0000' + valueType(r[k])] AS types",
  );
  return [
    ...nodes.map((n) => `(${[...(n.labels as string[])].sort().join(':')}) ${typed(n.props as Record<string, unknown>, n.types as string[])}`),
    ...rels.map((r) => `[${String(r.type)}] ${(r.from as string[]).sort().join(':')}/${String(r.fromId)} -> ${(r.to as string[]).sort().join(':')}/${String(r.toId)} ${typed(r.props as Record<string, unknown>, r.types as string[])}`),
  ].sort();
}

/** graphFacts as one digest, for a figure to compare and report. */
export async function factsFingerprint(app: TestApp): Promise<string> {
  return crypto.createHash('sha256').update((await graphFacts(app)).join('\n')).digest('hex');
}
