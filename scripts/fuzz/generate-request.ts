import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLObjectType,
  GraphQLScalarType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { Random } from '../../src/synthetic/random';

/** Who sends a request: a writer key, a reader key, a key nobody issued, or nobody. */
export type Caller = 'writer' | 'reader' | 'stranger' | 'anonymous';

/** One HTTP request as the fuzzer sends it. */
export interface FuzzRequest {
  readonly kind: 'query' | 'mutation' | 'malformed';
  /** What the request tries, for the report: the root field, or the malformation. */
  readonly label: string;
  readonly caller: Caller;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Ids that exist in the seed, so some requests reach real data and real writes. */
const KNOWN_IDS = ['anthropic', 'openai', 'amazon', 'aws', 'google', 'microsoft', 'nvidia', 'mistral', 'riv-anthropic-openai', 'sub-aws-amazon'];

/** Strings an attacker or a broken client sends. */
const HOSTILE_STRINGS = [
  '"}) DETACH DELETE n //',
  "' OR 1=1 --",
  '$companyId',
  '\u0000',
  '`; MATCH (n) DETACH DELETE n; //`',
  '\\u0000',
  'anthropic\n',
  '💥'.repeat(50),
  'a'.repeat(5000),
  '',
  ' ',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{> analytics/fragments/path-steps}}',
  'https://example.org/x',
  'frontier-models',
  '\ud800',
  '%00%0d%0a',
];
const HOSTILE_NUMBERS = [0, -1, 1, 0.5, -0.0, 1e300, -1e300, 1e13 + 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 7, 100, 101];
const DATES = ['2024-02-30', '2023', '2024-03', '2024-03-31', '2099-01-01', '0000-01-01', '2024-13', 'x', '2024-01-01T00:00:00Z', '1800-01-01'];
const FIELD_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Values a careful client would send for a field of this name, so some writes go through. */
function plausible(rng: Random, field: string, scalar: string): unknown {
  if (/url|website/i.test(field)) return `https://example.org/fuzz/${rng.int(0, 1e6)}`;
  if (/On$|since|asOf|from|to$/i.test(field)) return `20${rng.int(10, 25)}-0${rng.int(1, 9)}`;
  if (/market/i.test(field)) return rng.pick(['frontier-models', 'fuzz-market', 'ai-search']);
  if (/amount|value|valuation/i.test(field)) return rng.int(1, 1000) * 1e6;
  if (/percent/i.test(field)) return rng.int(0, 100);
  if (/founded/i.test(field)) return rng.int(1990, 2024);
  if (/country/i.test(field)) return rng.pick(['US', 'FR', 'GB']);
  if (/ids?$/i.test(field) || scalar === 'ID') return rng.pick(KNOWN_IDS);
  if (scalar === 'Int') return rng.int(1, 5);
  if (scalar === 'Float') return rng.int(1, 100);
  if (scalar === 'Boolean') return rng.chance(0.5);
  return `Fuzz ${field} ${rng.int(0, 1e6)}`;
}

/**
 * A JSON value for an input type: usually of the right shape, sometimes hostile or of the wrong type; in `careful`
 * mode (half the mutations) plausible values for each field's name, so real writes happen between the refusals.
 */
function inputValue(rng: Random, type: GraphQLInputType, depth: number, careful = false, field = ''): unknown {
  if (!careful && rng.chance(0.04)) return rng.pick<unknown>([null, 'not-a-number', 3.5, true, [], {}]);
  if (isNonNullType(type)) return inputValue(rng, type.ofType, depth, careful, field);
  if (isListType(type)) return depth > 3 ? [] : Array.from({ length: rng.int(careful ? 1 : 0, careful ? 2 : 3) }, () => inputValue(rng, type.ofType, depth + 1, careful, field));
  if (type instanceof GraphQLInputObjectType) {
    const out: Record<string, unknown> = {};
    for (const child of Object.values(type.getFields())) {
      if (isNonNullType(child.type) || rng.chance(careful ? 0.3 : 0.5)) out[child.name] = inputValue(rng, child.type, depth + 1, careful, child.name);
    }
    if (!careful && rng.chance(0.05)) out.unknownField = 'x';
    return out;
  }
  if (careful && type instanceof GraphQLEnumType) return rng.pick(type.getValues()).name;
  if (careful) return plausible(rng, field, (type as GraphQLScalarType).name);
  if (type instanceof GraphQLEnumType) return rng.chance(0.9) ? rng.pick(type.getValues()).name : 'NOT_A_VALUE';
  switch ((type as GraphQLScalarType).name) {
    case 'Int':
      return rng.pick(HOSTILE_NUMBERS.map(Math.trunc));
    case 'Float':
      return rng.pick(HOSTILE_NUMBERS);
    case 'Boolean':
      return rng.chance(0.5);
    case 'Date':
      return rng.pick(DATES);
    case 'ID':
      return rng.chance(0.5) ? rng.pick(KNOWN_IDS) : rng.pick(HOSTILE_STRINGS);
    default:
      return rng.chance(0.3) ? rng.pick(KNOWN_IDS) : rng.pick(HOSTILE_STRINGS);
  }
}

/** The same value written as a GraphQL literal (enums bare, strings quoted). */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const named = getNamedType(type);
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, isListType(unwrapNonNull(type)) ? (unwrapNonNull(type) as GraphQLList<GraphQLInputType>).ofType : type)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = named instanceof GraphQLInputObjectType ? named.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}: ${literal(item, fields[key]?.type ?? named)}`)
      .join(', ')} }`;
  }
  if (named instanceof GraphQLEnumType && typeof value === 'string' && FIELD_NAME.test(value)) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return JSON.stringify(value);
}

function unwrapNonNull(type: GraphQLInputType): GraphQLInputType {
  return isNonNullType(type) ? type.ofType : type;
}

/** A type as written in a variable definition: `[String!]!`. */
function typeName(type: GraphQLInputType): string {
  if (isNonNullType(type)) return `${typeName(type.ofType)}!`;
  if (isListType(type)) return `[${typeName(type.ofType)}]`;
  return type.name;
}

interface Builder {
  readonly rng: Random;
  /** Plausible argument values (see inputValue). */
  readonly careful: boolean;
  readonly variables: Record<string, unknown>;
  readonly definitions: string[];
  readonly fragments: string[];
}

/** Arguments for a field: each required one, some optional ones; as literals or as variables. */
function argumentsOf(b: Builder, args: readonly GraphQLArgument[]): string {
  const chosen = args.filter((arg) => (isNonNullType(arg.type) ? b.careful || !b.rng.chance(0.03) : b.rng.chance(b.careful ? 0.2 : 0.4)));
  if (chosen.length === 0) return '';
  const parts = chosen.map((arg) => {
    const value = inputValue(b.rng, arg.type, 0, b.careful, arg.name);
    if (b.rng.chance(0.4)) {
      const name = `v${b.definitions.length}`;
      b.definitions.push(`$${name}: ${typeName(arg.type)}`);
      b.variables[name] = value;
      return `${arg.name}: $${name}`;
    }
    return `${arg.name}: ${literal(value, arg.type)}`;
  });
  return `(${parts.join(', ')})`;
}

/** A selection set on a type, with aliases, inline and named fragments, and __typename. */
function selection(b: Builder, type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!(named instanceof GraphQLObjectType) || depth > 4) return '{ __typename }';
  const fields = Object.values(named.getFields());
  const count = b.rng.int(1, Math.min(4, fields.length));
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const field = b.rng.pick(fields);
    parts.push(fieldText(b, field, depth));
  }
  if (b.rng.chance(0.15)) parts.push('__typename');
  if (b.rng.chance(0.1)) parts.push(`... on ${named.name} { ${fieldText(b, b.rng.pick(fields), depth)} }`);
  if (b.rng.chance(0.05)) {
    const name = `F${b.fragments.length}`;
    b.fragments.push(`fragment ${name} on ${named.name} { ${fieldText(b, b.rng.pick(fields), depth)} }`);
    parts.push(`...${name}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function fieldText(b: Builder, field: GraphQLField<unknown, unknown>, depth: number): string {
  const alias = b.rng.chance(0.15) ? `a${b.rng.int(0, 99)}: ` : '';
  const args = argumentsOf(b, field.args);
  const sub = isCompositeType(getNamedType(field.type)) ? ` ${selection(b, field.type, depth + 1)}` : '';
  const directive = b.rng.chance(0.03) ? ` @include(if: ${b.rng.chance(0.5)})` : '';
  return `${alias}${field.name}${args}${directive}${sub}`;
}

/** One GraphQL operation on a root field of the schema, as a POST body. */
function operation(rng: Random, schema: GraphQLSchema, kind: 'query' | 'mutation'): { label: string; body: Record<string, unknown> } {
  const root = (kind === 'query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
  const field = rng.pick(Object.values(root.getFields()).filter((f) => !f.name.startsWith('__')));
  const b: Builder = { rng, careful: kind === 'mutation' && rng.chance(0.5), variables: {}, definitions: [], fragments: [] };
  const roots = [fieldText(b, field, 0)];
  if (rng.chance(0.1)) roots.push(fieldText(b, rng.pick(Object.values(root.getFields())), 0));
  const name = rng.chance(0.3) ? ` Op${rng.int(0, 9)}` : '';
  const variables = b.definitions.length > 0 ? `(${b.definitions.join(', ')})` : '';
  const text = `${kind}${name}${variables} { ${roots.join(' ')} } ${b.fragments.join(' ')}`.trim();
  const body: Record<string, unknown> = { query: text, variables: b.variables };
  if (name && rng.chance(0.8)) body.operationName = name.trim();
  else if (rng.chance(0.05)) body.operationName = 'Missing';
  return { label: field.name, body };
}

/** Requests no well-behaved client sends: broken JSON, wrong methods and content types, batches, odd extensions. */
function malformed(rng: Random): { label: string; method: string; headers: Record<string, string>; body?: string; path: string } {
  const json = { 'content-type': 'application/json' };
  const cases: (() => { label: string; method: string; headers: Record<string, string>; body?: string; path: string })[] = [
    () => ({ label: 'broken JSON', method: 'POST', path: '/graphql', headers: json, body: '{"query": "{ __typename "' }),
    () => ({ label: 'empty body', method: 'POST', path: '/graphql', headers: json, body: '' }),
    () => ({ label: 'JSON that is not an object', method: 'POST', path: '/graphql', headers: json, body: rng.pick(['[]', '1', '"x"', 'null', 'true']) }),
    () => ({ label: 'query of the wrong type', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: rng.pick([1, [], {}, null, true]) }) }),
    () => ({ label: 'variables of the wrong type', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: '{ __typename }', variables: rng.pick(['x', 1, [1], true]) }) }),
    () => ({ label: 'batch', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) }),
    () => ({ label: 'text/plain (CSRF guard)', method: 'POST', path: '/graphql', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) }),
    () => ({ label: 'form content type', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' }),
    () => ({ label: 'GET mutation', method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { deleteCompany(id: "anthropic") { deleted } }')}`, headers: { 'apollo-require-preflight': 'true' } }),
    () => ({ label: 'GET query without preflight header', method: 'GET', path: `/graphql?query=${encodeURIComponent('{ __typename }')}`, headers: {} }),
    () => ({ label: 'GET with broken variables', method: 'GET', path: `/graphql?query=${encodeURIComponent('{ __typename }')}&variables=%7Bx`, headers: { 'apollo-require-preflight': 'true' } }),
    () => ({ label: rng.pick(['PUT', 'DELETE', 'PATCH']), method: rng.pick(['PUT', 'DELETE', 'PATCH']), path: '/graphql', headers: json, body: '{"query":"{ __typename }"}' }),
    () => ({ label: 'unknown operationName', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: 'query A { __typename } query B { __typename }', operationName: rng.pick(['C', '', 'A B']) }) }),
    () => ({ label: 'anonymous among several operations', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: 'query A { __typename } query B { __typename }' }) }),
    () => ({ label: 'persisted query, bad version', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: rng.pick([0, 2, 'x', null]) } } }) }),
    () => ({ label: 'persisted query, wrong hash', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: rng.pick(['0'.repeat(64), 'x', '']) } } }) }),
    () => ({ label: 'persisted query, unknown hash only', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }) }),
    () => ({ label: 'subscription', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: 'subscription { __typename }' }) }),
    () => ({ label: 'too many tokens', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: `{ ${'x '.repeat(rng.int(1000, 20000))}}` }) }),
    () => ({ label: 'deep literal', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: `{ company(id: ${'['.repeat(rng.int(10, 3000))}"a"${']'.repeat(10)}) { id } }` }) }),
    () => ({ label: 'many directives', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: `{ __typename ${'@skip(if: false)'.repeat(rng.int(6, 40))} }` }) }),
    () => ({ label: 'many aliases', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: `{ ${Array.from({ length: rng.int(21, 200) }, (_, i) => `a${i}: __typename`).join(' ')} }` }) }),
    () => ({ label: 'introspection', method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: '{ __schema { types { name } } }' }) }),
    () => ({ label: 'unknown path', method: rng.pick(['GET', 'POST']), path: rng.pick(['/', '/admin', '/graphql/x', '/%2e%2e/etc', '/health?x=1']), headers: json, body: undefined }),
    () => ({ label: 'POST /health', method: 'POST', path: '/health', headers: json, body: '{}' }),
  ];
  return rng.pick(cases)();
}

/** Headers that identify a caller. */
function credentials(caller: Caller, keys: { writer: string; reader: string }): Record<string, string> {
  if (caller === 'writer') return { authorization: `Bearer ${keys.writer}` };
  if (caller === 'reader') return { authorization: `Bearer ${keys.reader}` };
  if (caller === 'stranger') return { authorization: 'Bearer not-a-key' };
  return {};
}

/** The next request of a seeded stream: 60% queries, 30% mutations, 10% malformed HTTP, from every kind of caller. */
export function generateRequest(rng: Random, schema: GraphQLSchema, keys: { writer: string; reader: string }): FuzzRequest {
  const caller = rng.pick<Caller>(['writer', 'writer', 'reader', 'stranger', 'anonymous']);
  const roll = rng.float();
  if (roll < 0.1) {
    const bad = malformed(rng);
    return { kind: 'malformed', caller, ...bad, headers: { ...bad.headers, ...credentials(caller, keys) } };
  }
  const kind = roll < 0.4 ? 'mutation' : 'query';
  const { label, body } = operation(rng, schema, kind);
  return { kind, label, caller, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', ...credentials(caller, keys) }, body: JSON.stringify(body) };
}
