import fc from 'fast-check';
import { coreFields } from '../../../src/facts/fact-detail';
import type { FactDefinition } from '../../../src/facts/fact-definition';
import { FACTS } from '../../../src/facts/registry';
import { useSeededTestApp } from '../../support/test-app';

/**
 * A fact is read whole or, when only its core fields are selected, without its timeline, events and sources (see
 * FactDetail): two projections of the same facts. A drawn request asks drawn core fields alone (read core, projecting
 * just those) and the same fields plus `sources { id }` and `history { kind }` (read whole); they must be the same,
 * in the same order, for Company fact lists and fact list pages on the seed data.
 */
const RUNS = Number(process.env.FACT_DETAIL_PROPERTY_RUNS ?? 60);
const SEED = Number(process.env.FACT_DETAIL_PROPERTY_SEED ?? 20261207);

/** A selection of core fields of a fact type (all of them by default): plain fields, and parties and links by id. */
function coreSelection(definition: FactDefinition, names: readonly string[] = [...coreFields(definition)]): string {
  const objects = new Set([
    ...definition.parties.map((party) => party.role),
    ...(definition.links ?? []).map((link) => link.field),
    ...FACTS.flatMap((source) => (source.links ?? []).filter((link) => link.target === definition.name && link.reverse).map((link) => link.reverse!.field)),
  ]);
  return names.map((name) => (objects.has(name) ? `${name} { id }` : name)).join(' ');
}

/** Drawn from the fields of every type: a read projects those of its type it is asked for, nothing else. */
const allCoreFields = [...new Set(FACTS.flatMap((definition) => [...coreFields(definition)]))];

const WHOLE_EXTRA = 'sources { id } history { kind }';

/** Drops what only the whole read was asked for, so both answers hold the core fields alone. */
function coreOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(coreOnly);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'sources' && key !== 'history').map(([key, inner]) => [key, coreOnly(inner)]));
}

const roles = FACTS.flatMap((definition) => definition.parties.filter((party) => party.companyField).map((party) => party.companyField!.name));
const definitionOf = (field: string) => FACTS.find((definition) => definition.parties.some((party) => party.companyField?.name === field))!;

describe('core and whole reads of facts agree on the core fields', () => {
  const app = useSeededTestApp();

  const ask = async (query: string, variables: Record<string, unknown>) => {
    const result = await app().gql<Record<string, unknown>>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  it(`for Company fact lists (${RUNS} drawn companies, roles and dates)`, async () => {
    const companies = ((await ask('{ companies(first: 100, sort: {field: ID, direction: ASC}) { nodes { id } } }', {}))!.companies as { nodes: { id: string }[] }).nodes.map((c) => c.id);
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...roles),
        fc.subarray(companies, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(null, '2023-06-30', '2024-12-31', '2025-09-30'),
        fc.boolean(),
        fc.subarray(allCoreFields),
        async (field, ids, asOf, includeImprecise, drawn) => {
          const definition = definitionOf(field);
          const names = ['id', ...drawn.filter((name) => name !== 'id' && coreFields(definition).has(name))];
          const query = (selection: string) =>
            `query ($asOf: Date, $includeImprecise: Boolean!) { ${ids.map((id, i) => `c${i}: company(id: "${id}") { id ${field}(asOf: $asOf, includeImprecise: $includeImprecise) { ${selection} } }`).join(' ')} }`;
          const variables = { asOf, includeImprecise };
          const core = await ask(query(coreSelection(definition, names)), variables);
          const whole = await ask(query(`${coreSelection(definition, names)} ${WHOLE_EXTRA}`), variables);
          expect(core).toEqual(coreOnly(whole));
          nonEmpty += Object.values(core!).some((c) => ((c as Record<string, unknown[]>)[field] ?? []).length > 0) ? 1 : 0;
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    // The property is not vacuous: most draws list facts.
    expect(nonEmpty).toBeGreaterThan(RUNS / 4);
  });

  it(`for list pages of every fact type, in every sort order (${RUNS} drawn pages)`, async () => {
    // Named by plural (the definition itself makes an unreadable counterexample).
    // A list with flat arguments has its one order and no sort argument.
    const lists = FACTS.flatMap((definition) =>
      definition.list.args === 'flat' ? [`${definition.plural} - -`] : definition.list.sorts.flatMap((sort) => ['ASC', 'DESC'].map((direction) => `${definition.plural} ${sort.value} ${direction}`)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lists), fc.integer({ min: 1, max: 60 }), fc.subarray(allCoreFields), async (list, first, drawn) => {
        const [plural, sort, direction] = list.split(' ');
        const definition = FACTS.find((d) => d.plural === plural)!;
        const names = ['id', ...drawn.filter((name) => name !== 'id' && coreFields(definition).has(name))];
        const order = sort === '-' ? '' : `, sort: {field: ${sort}, direction: ${direction}}`;
        const query = (selection: string) => `{ ${plural}(first: ${first}${order}) { nodes { ${selection} } pageInfo { hasNextPage } } }`;
        const core = await ask(query(coreSelection(definition, names)), {});
        const whole = await ask(query(`${coreSelection(definition, names)} ${WHOLE_EXTRA}`), {});
        expect(core).toEqual(coreOnly(whole));
        expect(((core![definition.plural] as { nodes: unknown[] }).nodes ?? []).length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('never answers a whole fact from a core read of the same request', async () => {
    // The company's rounds are read core (only ids asked); each investment's round is then loaded by id and must come
    // whole (its sources and history), not from the core rows (a core row is not cached by id).
    const round = 'round-anthropic-series-f-2025';
    const alone = await ask(`{ fundingRound(id: "${round}") { id sources { id } history { kind } } }`, {});
    // Nested under the core list, so the round is loaded by id only after the core rows came back.
    const together = await ask(
      `{ company(id: "anthropic") { fundingRounds { id company { investmentsReceived { fundingRound { id sources { id } history { kind } } } } } } }`,
      {},
    );
    expect((alone!.fundingRound as { sources: unknown[] }).sources.length).toBeGreaterThan(0);
    type Nested = { fundingRounds: { company: { investmentsReceived: { fundingRound: { id: string } | null }[] } }[] };
    const linked = (together!.company as Nested).fundingRounds.flatMap((r) => r.company.investmentsReceived.map((i) => i.fundingRound)).filter((r) => r?.id === round);
    expect(linked.length).toBeGreaterThan(0);
    for (const found of linked) expect(found).toEqual(alone!.fundingRound);
  });
});
