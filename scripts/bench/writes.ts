import type { FactDefinition, FieldSpec } from '../../src/facts/fact-definition';
import { FACTS } from '../../src/facts/registry';
import { postGraphQL } from './graphql-post';
import { latency, type Latency } from './stats';

/**
 * The writes row of the benchmark: every fact type's record, update and remove mutations, one client, timed over
 * HTTP with the round trips each made (`x-db-round-trips`). Inputs come from the definitions; each write gets fresh
 * companies of its own (created first, untimed), so no rule (one parent, one rivalry per pair and market) refuses
 * it and every sample writes the same amount.
 */
export interface WriteTiming {
  readonly mutation: string;
  readonly roundTrips: number;
  readonly latency: Latency;
}

/** A value each field accepts, like the contract test's. */
function sampleValue(field: FieldSpec, i: number): unknown {
  switch (field.kind) {
    case 'text':
      return field.pattern ? `bench-writes-${i}` : `bench ${field.name} ${i}`;
    case 'usd':
      return 1_000_000 * (i + 1);
    case 'number':
      return 5;
    case 'date':
      return '2024-03-27';
    case 'enum':
      return Object.values(field.enumType as Record<string, string>)[0];
  }
}

/** POSTs a query with a writer key; throws on an HTTP error or any GraphQL error. */
export async function ok(url: string, key: string, query: string, variables: Record<string, unknown>): Promise<{ roundTrips: number; data: Record<string, unknown> }> {
  const { status, body, roundTrips } = await postGraphQL(url, query, { variables, authorization: `Bearer ${key}` });
  const errors = (body as { errors?: unknown[] }).errors;
  if (status !== 200 || errors) throw new Error(`${status} ${JSON.stringify(errors ?? body).slice(0, 400)}`);
  return { roundTrips, data: (body as { data: Record<string, unknown> }).data };
}

async function timeOne(work: () => Promise<{ roundTrips: number }>): Promise<{ ms: number; roundTrips: number }> {
  const started = process.hrtime.bigint();
  const { roundTrips } = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, roundTrips };
}

type Verb = 'record' | 'update' | 'remove';
type Sample = { ms: number; roundTrips: number };

/**
 * One sample of a fact type's writes on the server at `url`: fresh companies (untimed), then its record, update and
 * remove, each timed. Undefined when the server does not know the type.
 */
async function writeSample(url: string, key: string, definition: FactDefinition, tag: string, i: number): Promise<Record<Verb, Sample> | undefined> {
  const input: Record<string, unknown> = { id: tag, sources: [{ url: `https://bench.example/${tag}`, publisher: 'Bench', title: tag }] };
  for (const party of definition.parties) {
    const ids = party.pair || party.many ? [`${tag}-${party.role.toLowerCase()}-a`, `${tag}-${party.role.toLowerCase()}-b`] : [`${tag}-${party.role.toLowerCase()}`];
    for (const id of ids) await ok(url, key, 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }', { input: { id, name: id, kind: 'AI_LAB' } });
    input[party.idField] = party.pair || party.many ? ids : ids[0];
  }
  for (const field of definition.fields) input[field.name] = sampleValue(field, i);
  const recordMutation = `mutation($input: Record${definition.name}Input!) { record${definition.name}(input: $input) { id } }`;
  let record: Sample;
  try {
    record = await timeOne(() => ok(url, key, recordMutation, { input }));
  } catch (error) {
    if (/GRAPHQL_VALIDATION_FAILED|Unknown type|Cannot query field|is not defined/.test(String(error))) return undefined;
    throw error;
  }
  const note = definition.fields.find((field) => field.name === 'note') ? 'note' : (definition.fields.find((field) => !field.required && field.kind === 'date')?.name as string);
  const updateMutation = `mutation($id: ID!, $input: Update${definition.name}Input!) { update${definition.name}(id: $id, input: $input) { id } }`;
  const update = await timeOne(() => ok(url, key, updateMutation, { id: tag, input: { [note]: note === 'note' ? `updated ${i}` : '2024-04' } }));
  const remove = await timeOne(() => ok(url, key, `mutation($id: ID!) { remove${definition.name}(id: $id) { id } }`, { id: tag }));
  return { record, update, remove };
}

function timings(definition: FactDefinition, samples: Record<Verb, Sample[]>): WriteTiming[] {
  return (['record', 'update', 'remove'] as const).flatMap((verb) => {
    const list = samples[verb];
    if (list.length === 0) return [];
    // The first write after start warms the server's statement caches; it is reported by the bench, not timed here.
    const timed = list.length > 1 ? list.slice(1) : list;
    return [{ mutation: `${verb}${definition.name}`, roundTrips: Math.max(...timed.map((s) => s.roundTrips)), latency: latency(timed.map((s) => s.ms)) }];
  });
}

const empty = (): Record<Verb, Sample[]> => ({ record: [], update: [], remove: [] });

/** Times `iterations` records, updates and removes of each fact type the server knows (others are skipped). */
export async function timeWrites(url: string, key: string, iterations: number, run: string, definitions: readonly FactDefinition[] = FACTS): Promise<WriteTiming[]> {
  const out: WriteTiming[] = [];
  for (const definition of definitions) {
    const samples = empty();
    for (let i = 0; i < iterations; i++) {
      const sample = await writeSample(url, key, definition, `bw-${run}-${definition.idPrefix}-${i}`, i);
      if (!sample) break;
      for (const verb of ['record', 'update', 'remove'] as const) samples[verb].push(sample[verb]);
    }
    out.push(...timings(definition, samples));
  }
  return out;
}

/**
 * The same writes on two servers in turn (A, B, A, B...), each with companies of its own, so the machine's drift
 * lands on both sides of each ratio. A fact type either server does not know is left out.
 */
export async function timeWritesPaired(urlA: string, urlB: string, key: string, iterations: number, run: string, definitions: readonly FactDefinition[] = FACTS): Promise<{ mutation: string; a: WriteTiming; b: WriteTiming }[]> {
  const out: { mutation: string; a: WriteTiming; b: WriteTiming }[] = [];
  for (const definition of definitions) {
    const a = empty();
    const b = empty();
    let known = true;
    for (let i = 0; i < iterations && known; i++) {
      const sa = await writeSample(urlA, key, definition, `bw-${run}-a-${definition.idPrefix}-${i}`, i);
      const sb = await writeSample(urlB, key, definition, `bw-${run}-b-${definition.idPrefix}-${i}`, i);
      if (sa === undefined || sb === undefined) {
        known = false;
        break;
      }
      for (const verb of ['record', 'update', 'remove'] as const) {
        a[verb].push(sa[verb]);
        b[verb].push(sb[verb]);
      }
    }
    if (!known) continue;
    const ta = timings(definition, a);
    const tb = timings(definition, b);
    ta.forEach((timing, index) => out.push({ mutation: timing.mutation, a: timing, b: tb[index] as WriteTiming }));
  }
  return out;
}

/**
 * The writes `@neo4j/graphql` can state as we do (its fact types would be nodes without our rules, derived edges or
 * change log, so only companies): create a company, then change its description; ours and the peer's in turn, each
 * on companies of its own. The peer runs with PEER_COMPANY_WRITES=1 (see peer-type-defs.ts).
 */
export async function timeCompanyWritesVsPeer(ours: string, peer: string, key: string, iterations: number, run: string): Promise<{ mutation: string; ours: Latency; peer: Latency }[]> {
  const samples = { create: { ours: [] as number[], peer: [] as number[] }, update: { ours: [] as number[], peer: [] as number[] } };
  const peerOk = async (query: string, variables: Record<string, unknown>) => {
    const { status, body } = await postGraphQL(peer, query, { variables });
    if (status !== 200 || (body as { errors?: unknown }).errors) throw new Error(`peer: ${status} ${JSON.stringify(body).slice(0, 400)}`);
    return { roundTrips: 0 };
  };
  for (let i = 0; i < iterations; i++) {
    const [mine, theirs] = [`bwp-${run}-ours-${i}`, `bwp-${run}-peer-${i}`];
    samples.create.ours.push((await timeOne(() => ok(ours, key, 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }', { input: { id: mine, name: mine, kind: 'AI_LAB' } }))).ms);
    samples.create.peer.push((await timeOne(() => peerOk('mutation($input: [CompanyCreateInput!]!) { createCompanies(input: $input) { companies { id } } }', { input: [{ id: theirs, name: theirs, kind: 'AI_LAB', aliases: [] }] }))).ms);
    samples.update.ours.push((await timeOne(() => ok(ours, key, 'mutation($id: ID!, $d: String) { updateCompany(id: $id, input: {description: $d}) { id } }', { id: mine, d: `updated ${i}` }))).ms);
    samples.update.peer.push((await timeOne(() => peerOk('mutation($id: ID!, $d: String) { updateCompanies(where: {id: {eq: $id}}, update: {description: {set: $d}}) { companies { id } } }', { id: theirs, d: `updated ${i}` }))).ms);
  }
  // The first sample of each warms statement caches on both sides.
  return (['create', 'update'] as const).map((verb) => ({ mutation: `${verb} a company`, ours: latency(samples[verb].ours.slice(1)), peer: latency(samples[verb].peer.slice(1)) }));
}
