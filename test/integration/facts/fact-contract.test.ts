/**
 * The contract every fact type keeps, checked for each definition in FACTS (a type added to the registry is covered
 * here without a line of test code): what is recorded reads back the same by id, in its list, from its companies and
 * through its links, with inline sources created (trimmed) or reused by url, and omitted fields at their defaults;
 * recording the same input again is idempotent, and re-recording overwrites in place but never moves a fact to other
 * parties (CONFLICT); updates change only what they name; every field's limits (required, range, length, pattern,
 * dates, what must come together, parties that must differ) are refused with BAD_USER_INPUT naming the field, on
 * record and on update, whether the value comes in a variable or in the document; the derived company-to-company
 * relationship follows the fact; a refused write leaves nothing behind; a write costs at most two database round
 * trips; removing it removes its node, its relationships and derived relationship, and nothing else.
 * The per-type suites (test/integration/domain/) test only each type's own rules.
 */
import type { GraphQLInputObjectType } from 'graphql';
import { FACTS, factType } from '../../../src/facts/registry';
import type { FactDefinition, FieldSpec, PartySpec } from '../../../src/facts/fact-definition';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createCompanies, expectRefused, firstError, futureDay, long, ok, recordSources, AS_WRITER } from '../domain/helpers';

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

/** A party's companies; a pair or a list is given out of id order, so reading it back sorted proves it is stored so. */
const companiesOf = (party: PartySpec, tag: string) =>
  party.pair || party.many ? [`${tag}-${party.role.toLowerCase()}-b`, `${tag}-${party.role.toLowerCase()}-a`] : [`${tag}-${party.role.toLowerCase()}`];

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

/** An input for one fact of the type: its companies created, one fact of each type it links to recorded first. */
async function prepareSample(definition: FactDefinition, tag: string): Promise<Record<string, unknown>> {
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
  return input;
}

/** Records one fact of the type through GraphQL (and, first, one of each type it links to); returns its input. */
async function recordSample(definition: FactDefinition, tag: string): Promise<Record<string, unknown>> {
  const input = await prepareSample(definition, tag);
  await ok(app, recordMutation(definition, 'id'), { input });
  return input;
}

const recordMutation = (definition: FactDefinition, selected: string) => `mutation($input: Record${definition.name}Input!) { record${definition.name}(input: $input) { ${selected} } }`;
const updateMutation = (definition: FactDefinition, selected: string) =>
  `mutation($id: ID!, $input: Update${definition.name}Input!) { update${definition.name}(id: $id, input: $input) { ${selected} } }`;
const readQuery = (definition: FactDefinition) => `query($id: ID!) { ${definition.single}(id: $id) { ${selection(definition)} } }`;

/** The optional field a test changes: the first one that is not an enum, an amount's kind or the events. */
const optionalField = (definition: FactDefinition) => definition.fields.find((field) => !field.required && !field.presentWith && field.kind !== 'enum' && field.kind !== 'events') as FieldSpec;

/** Another value the field accepts, different from sampleValue's. */
function otherValue(field: FieldSpec): unknown {
  switch (field.kind) {
    case 'text':
      return field.pattern ? 'other-market' : `other ${field.name}`;
    case 'usd':
      return 1_000_000;
    case 'number':
      return field.max !== undefined ? Math.min(field.max, 1) : 1;
    case 'date':
      return '2024-05';
    default:
      throw new Error(`no other value for a ${field.kind} field`);
  }
}

/** Values each field refuses, with what the refusal must name: missing or null when required, out of range, too long, off pattern, an impossible or future date. */
function refusedValues(field: FieldSpec, required: 'missing' | 'null'): [label: string, value: unknown][] {
  const cases: [string, unknown][] = [];
  if (field.required && (required === 'null' || field.defaultValue === undefined)) cases.push([`${field.name} ${required}`, required === 'null' ? null : undefined]);
  if (field.min !== undefined) cases.push([`${field.name} below ${field.min}`, field.min - 1]);
  if (field.max !== undefined) cases.push([`${field.name} above ${field.max}`, field.max * 10]);
  if (field.maxLength !== undefined) cases.push([`${field.name} over ${field.maxLength} characters`, field.pattern ? `m${'-x'.repeat(field.maxLength)}` : long(field.maxLength + 1)]);
  if (field.pattern) cases.push([`${field.name} off its pattern`, 'Not A Label!'], [`${field.name} empty`, '']);
  if (field.kind === 'date') {
    cases.push([`${field.name} an impossible day`, '2023-02-29'], [`${field.name} an impossible month`, '2023-13'], [`${field.name} not ISO-8601`, '25/09/2023']);
    if (field.notInFuture) cases.push([`${field.name} in the future`, futureDay()]);
  }
  return cases;
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
    const data = await ok(app, readQuery(definition), { id: input.id });
    expect(data[definition.single]).toEqual(expectedRead(definition, input));
  });

  it('cites inline sources, created trimmed, and an inline source with a known url cites the existing source', async () => {
    const other = await prepareSample(definition, `${tag}-i`);
    const sourceId = `src-${tag}-inline`;
    // No events either (their sources are cited too): src-contract-1 is cited only through its url below.
    const { sourceIds: _cited, events: _events, ...rest } = other;
    const sources = [
      { id: sourceId, url: `https://example.com/${tag}/inline`, publisher: '  Padded Publisher ', title: 'Inline report', publishedOn: '2023' },
      { url: 'https://example.com/contract-1', publisher: 'Another Publisher', title: 'Another title' },
    ];
    const before = await app.counts();
    const recorded = (await ok(app, recordMutation(definition, 'id sources { id url publisher title publishedOn }'), { input: { ...rest, sources } }))[`record${definition.name}`];
    expect([...recorded.sources].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id))).toEqual([
      { id: 'src-contract-1', url: 'https://example.com/contract-1', publisher: 'Example News', title: 'Report src-contract-1', publishedOn: null },
      { id: sourceId, url: `https://example.com/${tag}/inline`, publisher: 'Padded Publisher', title: 'Inline report', publishedOn: '2023' },
    ]);
    // The fact and the one new source: the known url made no second source.
    expect((await app.counts()).nodes).toBe(before.nodes + 2);
    await ok(app, `mutation($id: ID!) { remove${definition.name}(id: $id) { id } }`, { id: other.id });
  });

  it('reads omitted fields back as their defaults or null; without an id it gets a stable one of its own prefix', async () => {
    const other = await prepareSample(definition, `${tag}-m`);
    const minimal: Record<string, unknown> = { sourceIds: other.sourceIds };
    for (const party of definition.parties) minimal[party.idField] = other[party.idField];
    for (const field of definition.fields) if (field.required && field.defaultValue === undefined) minimal[field.name] = other[field.name];
    const query = recordMutation(definition, `id ${plainFields(definition).map((field) => field.name).join(' ')} ${(definition.links ?? []).map((link) => `${link.field} { id }`).join(' ')}`);
    const recorded = (await ok(app, query, { input: minimal }))[`record${definition.name}`];
    expect(recorded.id).toMatch(new RegExp(`^${definition.idPrefix}-[a-z0-9-]+$`));
    const expected: Record<string, unknown> = { id: recorded.id };
    for (const field of plainFields(definition)) expected[field.name] = minimal[field.name] ?? field.defaultValue ?? null;
    for (const link of definition.links ?? []) expected[link.field] = null;
    expect(recorded).toEqual(expected);
    const before = await app.counts();
    expect((await ok(app, query, { input: minimal }))[`record${definition.name}`].id).toBe(recorded.id);
    expect(await app.counts()).toEqual(before);
    await ok(app, `mutation($id: ID!) { remove${definition.name}(id: $id) { id } }`, { id: recorded.id });
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
    const result = await app.gql(recordMutation(definition, selection(definition)), { input }, AS_WRITER);
    expect(firstError(result)).toBeUndefined();
    expect(result.data?.[`record${definition.name}`]).toEqual(expectedRead(definition, input));
    const own = await app.gql(recordMutation(definition, ownSelection(definition)), { input }, AS_WRITER);
    expect(firstError(own)).toBeUndefined();
    expect(own.roundTrips).toBeLessThanOrEqual(2);
    expect(await app.counts()).toEqual(before);
  });

  it('overwrites in place when recorded again with other details: what is given replaces, a link left out is unlinked', async () => {
    const before = await app.counts();
    const field = optionalField(definition);
    const changed: Record<string, unknown> = { ...input, [field.name]: otherValue(field) };
    for (const link of definition.links ?? []) delete changed[link.idField];
    const recorded = (await ok(app, recordMutation(definition, selection(definition)), { input: changed }))[`record${definition.name}`];
    expect(recorded).toEqual(expectedRead(definition, changed));
    expect((await ok(app, readQuery(definition), { id: input.id }))[definition.single]).toEqual(expectedRead(definition, changed));
    expect((await app.counts()).nodes).toBe(before.nodes);
    expect((await ok(app, recordMutation(definition, selection(definition)), { input }))[`record${definition.name}`]).toEqual(expectedRead(definition, input));
    expect(await app.counts()).toEqual(before);
  });

  it('refuses with CONFLICT its id recorded again for other companies in any role, keeping what was recorded', async () => {
    for (const party of definition.parties) {
      const strangers = companiesOf(party, `${tag}-s`);
      await createCompanies(app, strangers.map((id) => ({ id, name: `Company ${id}`, kind: 'AI_LAB' })));
      const moved = party.pair ? [(input[party.idField] as string[])[0], strangers[0]] : party.many ? strangers : strangers[0];
      await expectRefused(app, recordMutation(definition, 'id'), { input: { ...input, [party.idField]: moved } }, 'CONFLICT', input.id as string);
    }
    expect((await ok(app, readQuery(definition), { id: input.id }))[definition.single]).toEqual(expectedRead(definition, input));
  });

  it('reads its events back in its history, each with its sources and the state it left, and refuses a bad one', async () => {
    const data = await ok(app, `query($id: ID!) { ${definition.single}(id: $id) { history { kind on amountUsd ceilingUsd deadline note sourceIds derived status money { committedUsd ceilingUsd } } } }`, { id: input.id });
    const own = data[definition.single].history.filter((entry: { derived: boolean }) => !entry.derived);
    expect(own).toEqual([
      { kind: 'AGREED', on: '2024-03', amountUsd: 1e9, ceilingUsd: 2e9, deadline: '2024-06', note: 'contract event', sourceIds: ['src-contract-1'], derived: false, status: expect.any(String), money: { committedUsd: 1e9, ceilingUsd: 1e9 } },
    ]);
    const record = recordMutation(definition, 'id');
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
    const result = await app.gql(updateMutation(definition, selection(definition)), { id: input.id, input: { [optional.name]: null, sourceIds: ['src-contract-2'] } }, AS_WRITER);
    expect(firstError(result)).toBeUndefined();
    const expected = expectedRead(definition, { ...input, [optional.name]: null, sourceIds: ['src-contract-2'] });
    expect(result.data?.[`update${definition.name}`]).toEqual(expected);
    const data = await ok(app, readQuery(definition), { id: input.id });
    expect(data[definition.single]).toEqual(expected);
    const restore = await app.gql(updateMutation(definition, ownSelection(definition)), { id: input.id, input: { [optional.name]: input[optional.name], sourceIds: ['src-contract-1'] } }, AS_WRITER);
    expect(firstError(restore)).toBeUndefined();
    expect(restore.roundTrips).toBeLessThanOrEqual(2);
    expect((await ok(app, readQuery(definition), { id: input.id }))[definition.single]).toEqual(expectedRead(definition, input));
  });

  it('keeps its citations when an update names no sources', async () => {
    const field = optionalField(definition);
    const updated = (await ok(app, updateMutation(definition, selection(definition)), { id: input.id, input: { [field.name]: otherValue(field) } }))[`update${definition.name}`];
    expect(updated).toEqual(expectedRead(definition, { ...input, [field.name]: otherValue(field) }));
    await ok(app, updateMutation(definition, 'id'), { id: input.id, input: { [field.name]: input[field.name] } });
    expect((await ok(app, readQuery(definition), { id: input.id }))[definition.single]).toEqual(expectedRead(definition, input));
  });

  it('refuses an update out of any field\'s limits, a required field set to null or a bad citation, changing nothing', async () => {
    const update = updateMutation(definition, 'id');
    const cases: [string, Record<string, unknown>, string][] = [
      ...definition.fields.filter((field) => field.kind !== 'events').flatMap((field) => refusedValues(field, 'null').map(([label, value]) => [label, { [field.name]: value }, field.name] as [string, Record<string, unknown>, string])),
      ['an unknown source', { sourceIds: ['src-nowhere'] }, 'sourceIds'],
      ['an empty list of sources', { sourceIds: [] }, 'sourceIds'],
    ];
    const before = await ok(app, readQuery(definition), { id: input.id });
    for (const [label, change, field] of cases) {
      const result = await app.gql(update, { id: input.id, input: { ...change } }, AS_WRITER);
      expect({ label, error: firstError(result) }).toEqual({ label, error: { code: 'BAD_USER_INPUT', message: expect.stringContaining(field) } });
    }
    expect(await ok(app, readQuery(definition), { id: input.id })).toEqual(before);
  });

  it('refuses an unknown company or source (BAD_USER_INPUT) and an unknown id (NOT_FOUND), writing nothing', async () => {
    const record = recordMutation(definition, 'id');
    for (const party of definition.parties) {
      const strangers = party.pair || party.many ? [(companiesOf(party, tag)[0]), 'nobody-b'] : 'nobody';
      await expectRefused(app, record, { input: { ...input, id: `${input.id}-x`, [party.idField]: strangers } }, 'BAD_USER_INPUT', party.idField);
    }
    await expectRefused(app, record, { input: { ...input, id: `${input.id}-y`, sourceIds: ['src-nowhere'] } }, 'BAD_USER_INPUT', 'src-nowhere');
    await expectRefused(app, `mutation { update${definition.name}(id: "no-such-fact", input: {}) { id } }`, undefined, 'NOT_FOUND', 'no-such-fact');
    await expectRefused(app, `mutation { remove${definition.name}(id: "no-such-fact") { id } }`, undefined, 'NOT_FOUND', 'no-such-fact');
  });

  it('refuses a required field missing or a value out of range before anything is written', async () => {
    const record = recordMutation(definition, 'id');
    for (const field of definition.fields.filter((f) => f.kind !== 'events')) {
      for (const [label, value] of refusedValues(field, 'missing')) {
        const refused: Record<string, unknown> = { ...input, id: `${input.id}-refused`, [field.name]: value };
        if (value === undefined) delete refused[field.name];
        const result = await expectRefused(app, record, { input: refused }, 'BAD_USER_INPUT');
        expect({ label, message: result.errors?.[0]?.message }).toEqual({ label, message: expect.stringContaining(field.name) });
      }
      // An amount and its kind come together: each without the other names the kind.
      if (field.presentWith) {
        await expectRefused(app, record, { input: { ...input, id: `${input.id}-kind`, [field.presentWith]: null } }, 'BAD_USER_INPUT', field.name);
        await expectRefused(app, record, { input: { ...input, id: `${input.id}-kind`, [field.name]: null } }, 'BAD_USER_INPUT', field.name);
      }
    }
  });

  it('refuses a company twice, a pair of the wrong size, an unknown link and an id that is not a slug', async () => {
    const record = recordMutation(definition, 'id');
    const refuse = (change: Record<string, unknown>, field: string) => expectRefused(app, record, { input: { ...input, id: `${input.id}-bad`, ...change } }, 'BAD_USER_INPUT', field);
    for (const party of definition.parties) {
      if (party.differsFrom) await refuse({ [party.idField]: input[party.differsFrom.idField] }, party.idField);
      if (party.pair) {
        const [a, b] = input[party.idField] as string[];
        await refuse({ [party.idField]: [a, a] }, party.idField);
        await refuse({ [party.idField]: [a] }, party.idField);
        await refuse({ [party.idField]: [a, b, `${tag}-other`] }, party.idField);
      }
    }
    for (const link of definition.links ?? []) await refuse({ [link.idField]: 'no-such-fact' }, link.idField);
    await expectRefused(app, record, { input: { ...input, id: 'Not A Slug' } }, 'BAD_USER_INPUT', 'id');
    await expectRefused(app, record, { input: { ...input, id: `${definition.idPrefix}${'-x'.repeat(60)}` } }, 'BAD_USER_INPUT', 'id');
  });

  it('refuses a fact without a usable source: none, an empty list, an id that is not a slug, a malformed inline source', async () => {
    const record = recordMutation(definition, 'id');
    // Without its events too: an event's sources are the fact's citations as well.
    const { sourceIds: _cited, events: _events, ...uncited } = input;
    const refuse = (change: Record<string, unknown>, field: string) => expectRefused(app, record, { input: { ...uncited, id: `${input.id}-unsourced`, ...change } }, 'BAD_USER_INPUT', field);
    const inline = (source: Record<string, unknown>) => ({ sources: [{ url: `https://example.com/${tag}/refused`, publisher: 'P', title: 'T', ...source }] });
    await refuse({}, 'sourceIds');
    await refuse({ sourceIds: [] }, 'sourceIds');
    await refuse({ sourceIds: ['Not A Slug'] }, 'sourceIds');
    await refuse(inline({ url: 'news.example.com/x' }), 'url');
    await refuse(inline({ url: 'javascript:alert(1)' }), 'url');
    await refuse(inline({ publisher: '  ' }), 'publisher');
    await refuse(inline({ title: '' }), 'title');
    await refuse(inline({ title: long(501) }), 'title');
    await refuse(inline({ publishedOn: '2023-02-29' }), 'publishedOn');
  });

  it('refuses an impossible date written into the document itself, not in a variable', async () => {
    const inputType = app.schema.getType(`Record${definition.name}Input`) as GraphQLInputObjectType;
    const given = Object.entries({ ...input, id: `${input.id}-literal` }).filter(([name]) => name !== definition.dateField && inputType.getFields()[name]);
    const declared = given.map(([name]) => `$${name}: ${String(inputType.getFields()[name]!.type)}`).join(', ');
    for (const impossible of ['2024-02-30', '2023-13']) {
      const fields = [...given.map(([name]) => `${name}: $${name}`), `${definition.dateField}: "${impossible}"`].join(', ');
      await expectRefused(app, `mutation(${declared}) { record${definition.name}(input: { ${fields} }) { id } }`, Object.fromEntries(given), 'BAD_USER_INPUT', definition.dateField);
    }
  });

  it('is removed with its own relationships and derived relationship, leaving its companies, sources and links; a second removal is NOT_FOUND', async () => {
    const remove = `mutation($id: ID!) { remove${definition.name}(id: $id) { id deleted } }`;
    const before = await app.counts();
    const [held] = await app.db.readRows('MATCH (f:Fact {id: $id}) RETURN COUNT { (f)--() } AS n', { id: input.id });
    expect((await ok(app, remove, { id: input.id }))[`remove${definition.name}`]).toEqual({ id: input.id, deleted: true });
    expect((await ok(app, `query($id: ID!) { ${definition.single}(id: $id) { id } }`, { id: input.id }))[definition.single]).toBeNull();
    const [left] = await app.db.readRows('MATCH (f:Fact {id: $id}) RETURN count(f) AS n', { id: input.id });
    expect(left.n).toBe(0);
    expect(await derivedCount(definition, input)).toBe(0);
    expect(await app.counts()).toEqual({ nodes: before.nodes - 1, relationships: before.relationships - (held.n as number) - (definition.derived ? 1 : 0) });
    for (const party of definition.parties.filter((p) => p.companyField)) {
      const companyId = ([] as string[]).concat(input[party.idField] as string | string[])[0];
      const field = party.companyField?.name as string;
      expect((await ok(app, `query($id: ID!) { company(id: $id) { id ${field} { id } } }`, { id: companyId })).company).toEqual({ id: companyId, [field]: [] });
    }
    for (const link of definition.links ?? []) {
      const target = factType(link.target);
      expect((await ok(app, `query($id: ID!) { ${target.single}(id: $id) { id } }`, { id: input[link.idField] }))[target.single]).toEqual({ id: input[link.idField] });
    }
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
