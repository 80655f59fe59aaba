/**
 * The contract every fact type keeps, checked for each definition in FACTS (a type added to the registry is covered
 * here without a line of test code): what is recorded reads back the same by id, in its list, from its companies and
 * through its links; recording the same input again is idempotent; updates change only what they name; the derived
 * company-to-company relationship follows the fact; a refused write leaves nothing behind; a write costs at most two
 * database round trips; removing it removes its node, citations and derived relationship.
 */
import { FACTS, factType } from '../../../src/facts/registry';
import type { FactDefinition, FieldSpec, PartySpec } from '../../../src/facts/fact-definition';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createCompanies, expectRefused, firstError, ok, recordSources, AS_WRITER } from '../domain/helpers';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await app.reset();
  await recordSources(app, [
    { id: 'src-contract-1', url: 'https://example.com/contract-1' },
    { id: 'src-contract-2', url: 'https://example.com/contract-2' },
  ]);
});
afterAll(async () => {
  await app.reset();
  await app.close();
});

/** A value every field accepts, away from its default so a read-back proves it was stored. */
function sampleValue(field: FieldSpec): unknown {
  switch (field.kind) {
    case 'text':
      return field.pattern ? 'contract-market' : `contract ${field.name}`;
    case 'usd':
      return 2_750_000_000;
    case 'number':
      return field.max !== undefined ? Math.min(field.max, 12.5) : 12.5;
    case 'date':
      return '2024-03';
    case 'enum': {
      const values = Object.values(field.enumType as Record<string, string>);
      return values.find((value) => value !== field.defaultValue) ?? values[0];
    }
    case 'events':
      return [{ kind: 'AGREED', on: '2024-03', amountUsd: 1e9, ceilingUsd: 2e9, deadline: '2024-06', note: 'contract event', sourceIds: ['src-contract-1'] }];
  }
}

/** The fields read back as they were given (events read back through `history`, with the events dates imply). */
const plainFields = (definition: FactDefinition) => definition.fields.filter((field) => field.kind !== 'events');

const companiesOf = (party: PartySpec, tag: string) =>
  party.pair || party.many ? [`${tag}-${party.role.toLowerCase()}-a`, `${tag}-${party.role.toLowerCase()}-b`] : [`${tag}-${party.role.toLowerCase()}`];

/** The selection that reads back every field, party and link of a fact type. */
function selection(definition: FactDefinition): string {
  const parties = definition.parties.map((party) => `${party.role} { id }`);
  const links = (definition.links ?? []).map((link) => `${link.field} { id }`);
  return `id ${plainFields(definition).map((field) => field.name).join(' ')} ${parties.join(' ')} ${links.join(' ')} sources { id }`;
}

/** What a write returns without further reads: its fields and parties (the write primes the company loader). */
function ownSelection(definition: FactDefinition): string {
  return `id ${plainFields(definition).map((field) => field.name).join(' ')} ${definition.parties.map((party) => `${party.role} { id }`).join(' ')}`;
}

/** The read-back shape of an input: parties and links as objects with ids, pairs and lists sorted. */
function expectedRead(definition: FactDefinition, input: Record<string, unknown>): Record<string, unknown> {
  const expected: Record<string, unknown> = { id: input.id };
  for (const field of plainFields(definition)) expected[field.name] = input[field.name] ?? field.defaultValue ?? null;
  for (const party of definition.parties) {
    const ids = input[party.idField];
    expected[party.role] = Array.isArray(ids) ? [...ids].sort().map((id) => ({ id })) : { id: ids };
  }
  for (const link of definition.links ?? []) expected[link.field] = input[link.idField] ? { id: input[link.idField] } : null;
  expected.sources = (input.sourceIds as string[]).map((id) => ({ id }));
  return expected;
}

/** Records one fact of the type through GraphQL (and, first, one of each type it links to); returns its input. */
async function recordSample(definition: FactDefinition, tag: string): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = { id: `${definition.idPrefix}-${tag}`, sourceIds: ['src-contract-1'] };
  for (const party of definition.parties) {
    const ids = companiesOf(party, tag);
    await createCompanies(app, ids.map((id) => ({ id, name: `Company ${id}`, kind: 'AI_LAB' })));
    input[party.idField] = party.pair || party.many ? ids : ids[0];
  }
  for (const field of definition.fields) input[field.name] = sampleValue(field);
  for (const link of definition.links ?? []) {
    const target = await recordSample(factType(link.target), `${tag}-${link.field.toLowerCase()}`);
    input[link.idField] = target.id;
  }
  await ok(app, `mutation($input: Record${definition.name}Input!) { record${definition.name}(input: $input) { id } }`, { input });
  return input;
}

/** A derived relationship between two companies, either way round for a symmetric fact. */
async function derivedCount(definition: FactDefinition, input: Record<string, unknown>): Promise<number> {
  const derived = definition.derived;
  if (!derived) return 0;
  const idsOf = (role: string) => {
    const party = definition.parties.find((p) => p.role === role) as PartySpec;
    return ([] as string[]).concat(input[party.idField] as string | string[]);
  };
  const from = idsOf(derived.from)[0];
  const to = derived.from === derived.to ? idsOf(derived.to)[1] : idsOf(derived.to)[0];
  const [row] = await app.db.readRows(
    `MATCH (a:Company {id: $from})-[r]-(b:Company {id: $to}) WHERE type(r) = $type RETURN count(r) AS n`,
    { from, to, type: derived.type },
  );
  return row.n as number;
}

function listQuery(definition: FactDefinition, filterArg: string, totalCount: boolean): string {
  const args = definition.list.args === 'filter' ? `filter: { ${filterArg}: $companyId }` : `${filterArg}: $companyId`;
  return `query($companyId: ID!) { ${definition.plural}(${args}, first: 10) { ${totalCount ? 'totalCount' : ''} nodes { id } } }`;
}

describe.each(FACTS.map((definition) => [definition.name, definition] as const))('%s keeps the fact contract', (_name, definition) => {
  const tag = `contract-${definition.idPrefix}`;
  let input: Record<string, unknown>;

  beforeAll(async () => {
    input = await recordSample(definition, tag);
  });

  it('reads back by id everything recorded: fields, parties, links and sources', async () => {
    const data = await ok(app, `query($id: ID!) { ${definition.single}(id: $id) { ${selection(definition)} } }`, { id: input.id });
    expect(data[definition.single]).toEqual(expectedRead(definition, input));
  });

  it('is found in its list by each party filter, with a count, and from each company field', async () => {
    for (const filter of definition.list.filters.filter((f) => f.kind === 'party')) {
      const party = definition.parties.find((p) => p.role === filter.role) ?? definition.parties[0];
      const companyId = ([] as string[]).concat(input[party.idField] as string | string[])[0];
      const data = await ok(app, listQuery(definition, filter.arg, true), { companyId });
      expect(data[definition.plural].nodes.map((node: { id: string }) => node.id)).toContain(input.id);
      expect(data[definition.plural].totalCount).toBeGreaterThanOrEqual(1);
    }
    for (const party of definition.parties.filter((p) => p.companyField)) {
      const companyId = ([] as string[]).concat(input[party.idField] as string | string[])[0];
      const field = party.companyField?.name as string;
      const data = await ok(app, `query($id: ID!) { company(id: $id) { ${field} { id } } }`, { id: companyId });
      expect(data.company[field]).toEqual([{ id: input.id }]);
    }
  });

  it('records the same input again without a duplicate; the write takes at most two round trips', async () => {
    const before = await app.counts();
    const result = await app.gql(`mutation($input: Record${definition.name}Input!) { record${definition.name}(input: $input) { ${selection(definition)} } }`, { input }, AS_WRITER);
    expect(firstError(result)).toBeUndefined();
    expect(result.data?.[`record${definition.name}`]).toEqual(expectedRead(definition, input));
    const own = await app.gql(`mutation($input: Record${definition.name}Input!) { record${definition.name}(input: $input) { ${ownSelection(definition)} } }`, { input }, AS_WRITER);
    expect(firstError(own)).toBeUndefined();
    expect(own.roundTrips).toBeLessThanOrEqual(2);
    expect(await app.counts()).toEqual(before);
  });

  it('reads its events back in its history, each with its sources and the state it left, and refuses a bad one', async () => {
    const data = await ok(app, `query($id: ID!) { ${definition.single}(id: $id) { history { kind on amountUsd ceilingUsd deadline note sourceIds derived status money { committedUsd ceilingUsd } } } }`, { id: input.id });
    const own = data[definition.single].history.filter((entry: { derived: boolean }) => !entry.derived);
    expect(own).toEqual([
      { kind: 'AGREED', on: '2024-03', amountUsd: 1e9, ceilingUsd: 2e9, deadline: '2024-06', note: 'contract event', sourceIds: ['src-contract-1'], derived: false, status: expect.any(String), money: { committedUsd: 1e9, ceilingUsd: 1e9 } },
    ]);
    const record = `mutation($input: Record${definition.name}Input!) { record${definition.name}(input: $input) { id } }`;
    const event = (input.events as Record<string, unknown>[])[0];
    await expectRefused(app, record, { input: { ...input, id: `${input.id}-neg`, events: [{ ...event, amountUsd: -1 }] } }, 'BAD_USER_INPUT', 'amountUsd');
    await expectRefused(app, record, { input: { ...input, id: `${input.id}-later`, events: [{ ...event, on: '2999-01' }] } }, 'BAD_USER_INPUT', 'on');
    await expectRefused(app, record, { input: { ...input, id: `${input.id}-src`, events: [{ ...event, sourceIds: ['src-nowhere'] }] } }, 'BAD_USER_INPUT', 'src-nowhere');
  });

  it('keeps its derived relationship between its companies', async () => {
    if (!definition.derived) return;
    expect(await derivedCount(definition, input)).toBe(1);
  });

  it('updates only the fields named, clears with null, replaces citations; the write takes at most two round trips', async () => {
    const optional = definition.fields.find((field) => !field.required && !field.presentWith && field.kind !== 'enum') as FieldSpec;
    const result = await app.gql(
      `mutation($id: ID!, $input: Update${definition.name}Input!) { update${definition.name}(id: $id, input: $input) { ${selection(definition)} } }`,
      { id: input.id, input: { [optional.name]: null, sourceIds: ['src-contract-2'] } },
      AS_WRITER,
    );
    expect(firstError(result)).toBeUndefined();
    const expected = expectedRead(definition, { ...input, [optional.name]: null, sourceIds: ['src-contract-2'] });
    expect(result.data?.[`update${definition.name}`]).toEqual(expected);
    const data = await ok(app, `query($id: ID!) { ${definition.single}(id: $id) { ${selection(definition)} } }`, { id: input.id });
    expect(data[definition.single]).toEqual(expected);
    const restore = await app.gql(`mutation($id: ID!, $input: Update${definition.name}Input!) { update${definition.name}(id: $id, input: $input) { ${ownSelection(definition)} } }`, {
      id: input.id,
      input: { [optional.name]: input[optional.name], sourceIds: ['src-contract-1'] },
    }, AS_WRITER);
    expect(firstError(restore)).toBeUndefined();
    expect(restore.roundTrips).toBeLessThanOrEqual(2);
  });

  it('refuses an unknown company or source (BAD_USER_INPUT) and an unknown id (NOT_FOUND), writing nothing', async () => {
    const first = definition.parties[0];
    const strangers = first.pair || first.many ? ['nobody-a', 'nobody-b'] : 'nobody';
    const record = `mutation($input: Record${definition.name}Input!) { record${definition.name}(input: $input) { id } }`;
    await expectRefused(app, record, { input: { ...input, id: `${input.id}-x`, [first.idField]: strangers } }, 'BAD_USER_INPUT', 'nobody');
    await expectRefused(app, record, { input: { ...input, id: `${input.id}-y`, sourceIds: ['src-nowhere'] } }, 'BAD_USER_INPUT', 'src-nowhere');
    await expectRefused(app, `mutation { update${definition.name}(id: "no-such-fact", input: {}) { id } }`, undefined, 'NOT_FOUND', 'no-such-fact');
    await expectRefused(app, `mutation { remove${definition.name}(id: "no-such-fact") { id } }`, undefined, 'NOT_FOUND', 'no-such-fact');
  });

  it('refuses a required field missing or a value out of range before anything is written', async () => {
    const record = `mutation($input: Record${definition.name}Input!) { record${definition.name}(input: $input) { id } }`;
    for (const field of definition.fields) {
      if (field.required && field.defaultValue === undefined) {
        const { [field.name]: _dropped, ...rest } = input;
        await expectRefused(app, record, { input: { ...rest, id: `${input.id}-missing` } }, 'BAD_USER_INPUT', field.name);
      }
      if (field.max !== undefined) {
        await expectRefused(app, record, { input: { ...input, id: `${input.id}-big`, [field.name]: field.max * 10 } }, 'BAD_USER_INPUT', field.name);
      }
      if (field.notInFuture) {
        await expectRefused(app, record, { input: { ...input, id: `${input.id}-future`, [field.name]: '2999-01-01' } }, 'BAD_USER_INPUT', field.name);
      }
    }
  });

  it('is removed with its citations and derived relationship; a second removal is NOT_FOUND', async () => {
    const remove = `mutation($id: ID!) { remove${definition.name}(id: $id) { id deleted } }`;
    expect((await ok(app, remove, { id: input.id }))[`remove${definition.name}`]).toEqual({ id: input.id, deleted: true });
    expect((await ok(app, `query($id: ID!) { ${definition.single}(id: $id) { id } }`, { id: input.id }))[definition.single]).toBeNull();
    const [left] = await app.db.readRows('MATCH (f:Fact {id: $id}) RETURN count(f) AS n', { id: input.id });
    expect(left.n).toBe(0);
    expect(await derivedCount(definition, input)).toBe(0);
    expect(firstError(await app.gql(remove, { id: input.id }, AS_WRITER))?.code).toBe('NOT_FOUND');
    const sources = await ok(app, '{ source(id: "src-contract-1") { id } }');
    expect(sources.source).toEqual({ id: 'src-contract-1' });
  });
});

it('every fact type has a derived id prefix, a section and a list of its own', () => {
  const unique = (values: string[]) => new Set(values).size === values.length;
  expect(unique(FACTS.map((d) => d.idPrefix))).toBe(true);
  expect(unique(FACTS.map((d) => d.section))).toBe(true);
  expect(unique(FACTS.map((d) => d.plural))).toBe(true);
  for (const definition of FACTS) {
    expect(definition.fields.some((field) => field.name === definition.dateField)).toBe(true);
    expect(definition.list.sorts.map((s) => s.value)).toContain(definition.list.defaultSort.sort);
  }
});
