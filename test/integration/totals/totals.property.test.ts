import fc from 'fast-check';
import { CompanyKind } from '../../../src/domain/enums';
import { Confidence, CONFIDENCE_RANK, ENDED_STATUSES, FactStatus } from '../../../src/domain/lifecycle';
import { endOfPeriod, parsePartialDate } from '../../../src/domain/partial-date';
import type { FactDefinition } from '../../../src/facts/fact-definition';
import { kindFilterArg, periodBucket, totalsDimensions, totalsFilters, totalsMeasures, type TotalsDimension } from '../../../src/facts/fact-totals';
import { FACTS } from '../../../src/facts/registry';
import { useSeededTestApp } from '../../support/test-app';

/**
 * Two code paths compute the same totals: the totals statement (grouped in Cypher, the one date rule's fragments) and
 * a plain aggregation here of the facts the list query returns with their `state` (the rule in TypeScript). For drawn
 * fact types, groupings, scopes, filters and orders on the seed data, every group, count, money by kind and extreme
 * agrees, and the groups come in the asked order.
 */
const RUNS = Number(process.env.TOTALS_PROPERTY_RUNS ?? 60);
const SEED = Number(process.env.TOTALS_PROPERTY_SEED ?? 20261207);

type Company = { id: string; kind: string; country: string | null };
type Listed = Record<string, unknown> & { id: string; confidence: Confidence; state: { status: FactStatus | null; money: Record<string, number> } };
type Group = { key: Record<string, unknown>; count: number; money?: Record<string, number> } & Record<string, unknown>;

const MONEY_FIELDS = ['paidUsd', 'committedUsd', 'ceilingUsd', 'contractValueUsd', 'stakeValueUsd', 'undisclosedCount'];

interface Draw {
  readonly definition: FactDefinition;
  readonly groupBy: readonly TotalsDimension[];
  readonly asOf: string | null;
  readonly includeEnded: boolean;
  readonly includeImprecise: boolean;
  readonly minConfidence: Confidence;
  readonly from: string | null;
  readonly to: string | null;
  /** A kind filter on one party: [role index, kinds]. */
  readonly kinds: readonly [number, readonly CompanyKind[]] | null;
  /** A party filter: [filter arg index among the party filters, company pick]. */
  readonly party: readonly [number, number] | null;
  readonly sort: string;
  readonly descending: boolean;
  /** Only the count asked for (the statement may then count known facts without their state: see TotalsShape.counted). */
  readonly countOnly: boolean;
}

const day = fc.constantFrom('2023-01-01', '2023-07-15', '2024-01-01', '2024-06-30', '2024-11-20', '2025-01-01', '2025-06-30', '2025-12-31');

const draw: fc.Arbitrary<Draw> = fc.constantFrom(...FACTS).chain((definition) => {
  // A counterexample names its type, not the whole definition.
  const named = Object.assign(Object.create(definition) as FactDefinition, { [fc.toStringMethod]: () => definition.name });
  const dimensions = totalsDimensions(definition);
  const measures = totalsMeasures(definition);
  const dated = totalsFilters(definition).some((f) => f.kind === 'atLeast' && f.field === definition.dateField);
  return fc
    .record({
      groupBy: fc.uniqueArray(fc.constantFrom(...dimensions), { minLength: 1, maxLength: 3, selector: (d) => d.value }),
      // 2030: after every seed fact is known, so a count over every status needs no date filter at all.
      asOf: fc.option(fc.constantFrom('2023-12-31', '2024-06-30', '2025', '2025-03', '2025-11-30', '2026-01-15', '2030-01-01'), { nil: null }),
      includeEnded: fc.boolean(),
      includeImprecise: fc.boolean(),
      minConfidence: fc.constantFrom(...Object.values(Confidence)),
      from: dated ? fc.option(day, { nil: null, freq: 2 }) : fc.constant(null),
      to: dated ? fc.option(day, { nil: null, freq: 2 }) : fc.constant(null),
      kinds: fc.option(fc.tuple(fc.nat(definition.parties.length - 1), fc.subarray(Object.values(CompanyKind), { minLength: 1, maxLength: 3 })), { nil: null, freq: 2 }),
      party: fc.option(fc.tuple(fc.nat(5), fc.nat(30)), { nil: null, freq: 2 }),
      measure: fc.constantFrom(...measures.map((m) => m.value)),
      byKey: fc.boolean(),
      descending: fc.boolean(),
      countOnly: fc.boolean(),
    })
    .map((r) => {
      const count = measures.find((m) => m.kind === 'count')!.value;
      const sort = r.byKey ? r.groupBy[0]!.value : r.countOnly ? count : r.measure;
      return { definition: named, ...r, groupBy: r.groupBy.map((d) => Object.assign({}, d, { [fc.toStringMethod]: () => d.value })), sort };
    });
});

/** The GraphQL literal of a value: enums bare, strings quoted. */
const literal = (value: unknown, enumValue = false): string => (Array.isArray(value) ? `[${value.map((v) => literal(v, enumValue)).join(', ')}]` : enumValue ? String(value) : JSON.stringify(value));

describe('totals agree with a plain aggregation of the listed facts (fast-check)', () => {
  const app = useSeededTestApp();

  /** Every fact of a type as the list returns it, with its state in the drawn scope. */
  async function listed(definition: FactDefinition, d: Draw): Promise<Listed[]> {
    const enumFields = definition.fields.filter((f) => f.kind === 'enum').map((f) => f.name);
    const extremes = (definition.totals?.extremes ?? []).map((e) => e.field);
    const selection = [
      'id',
      definition.dateField,
      ...new Set([...enumFields, ...extremes, 'confidence']),
      ...definition.parties.map((p) => `${p.role} { id kind country }`),
      `state(asOf: $asOf, includeImprecise: $imp) { status money { ${MONEY_FIELDS.join(' ')} } }`,
    ].join(' ');
    const out: Listed[] = [];
    let after: string | null = null;
    for (;;) {
      const result: { data?: Record<string, { nodes: Listed[]; pageInfo: { hasNextPage: boolean; endCursor: string } }> | null; errors?: unknown } = await app().gql(
        `query ($asOf: Date, $imp: Boolean, $after: String) { ${definition.plural}(first: 100, after: $after) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
        { asOf: d.asOf, imp: d.includeImprecise, after },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data![definition.plural]!;
      out.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  }

  const companiesOf = (fact: Listed, role: string): Company[] => {
    const value = fact[role] as Company | Company[] | null;
    return value === null ? [] : Array.isArray(value) ? value : [value];
  };

  /** The party filter of a draw on these facts: the filter and the company it names (one taking part in some fact). */
  function partyFilter(definition: FactDefinition, d: Draw, facts: readonly Listed[]) {
    const filters = totalsFilters(definition).filter((f) => f.kind === 'party');
    if (!d.party || filters.length === 0) return null;
    const filter = filters[d.party[0] % filters.length]!;
    if (filter.kind !== 'party') return null;
    const roles = filter.role === '*' ? definition.parties.map((p) => p.role) : [filter.role];
    const ids = [...new Set(facts.flatMap((fact) => roles.flatMap((role) => companiesOf(fact, role).map((c) => c.id))))].sort();
    if (ids.length === 0) return null;
    return { filter, roles, id: ids[d.party[1] % ids.length]! };
  }

  /** The groups by plain aggregation: keyed by JSON of the key values, with count, money and extremes. */
  function aggregate(definition: FactDefinition, d: Draw, facts: readonly Listed[], party: ReturnType<typeof partyFilter>) {
    const statuses = d.includeEnded ? Object.values(FactStatus) : Object.values(FactStatus).filter((s) => !ENDED_STATUSES.includes(s));
    const kindRole = d.kinds ? definition.parties[d.kinds[0]]!.role : null;
    const kindOk = (c: Company) => !d.kinds || d.kinds[1].includes(c.kind as CompanyKind);
    const groups = new Map<string, { keys: (string | null)[]; facts: Listed[] }>();
    for (const fact of facts) {
      const status = fact.state.status;
      if (status === null || !statuses.includes(status) || CONFIDENCE_RANK[fact.confidence] < CONFIDENCE_RANK[d.minConfidence]) continue;
      const date = fact[definition.dateField] === null ? null : parsePartialDate(fact[definition.dateField]);
      if (d.from && (date === null || date.start < d.from)) continue;
      if (d.to && (date === null || date.start > endOfPeriod(parsePartialDate(d.to)))) continue;
      if (party && !party.roles.some((role) => companiesOf(fact, role).some((c) => c.id === party.id))) continue;
      const groupedRoles = new Set(d.groupBy.flatMap((dim) => (dim.kind === 'field' || dim.kind === 'period' ? [] : [dim.party.role])));
      if (kindRole && !groupedRoles.has(kindRole) && !companiesOf(fact, kindRole).some(kindOk)) continue;
      // One choice of company per grouped role (a role with none: null, unless its kinds are filtered).
      let choices: Record<string, Company | null>[] = [{}];
      for (const role of groupedRoles) {
        let companies: (Company | null)[] = companiesOf(fact, role);
        if (role === kindRole) companies = (companies as Company[]).filter(kindOk);
        else if (companies.length === 0) companies = [null];
        choices = choices.flatMap((choice) => companies.map((company) => ({ ...choice, [role]: company })));
      }
      const seen = new Set<string>();
      for (const choice of choices) {
        const keys = d.groupBy.map((dim) => {
          switch (dim.kind) {
            case 'party':
              return choice[dim.party.role]?.id ?? null;
            case 'partyKind':
              return choice[dim.party.role]?.kind ?? null;
            case 'partyCountry':
              return choice[dim.party.role]?.country ?? null;
            case 'field':
              return (fact[dim.field.name] as string | null) ?? null;
            case 'period':
              return periodBucket(date, dim.bucket);
          }
        });
        const id = JSON.stringify(keys);
        if (seen.has(id)) continue;
        seen.add(id);
        const group = groups.get(id) ?? { keys, facts: [] };
        group.facts.push(fact);
        groups.set(id, group);
      }
    }
    const measures = d.countOnly ? [] : totalsMeasures(definition);
    return new Map(
      [...groups].map(([id, group]) => {
        const out: Record<string, unknown> = { count: group.facts.length };
        if (measures.some((m) => m.kind === 'money')) {
          out.money = Object.fromEntries(MONEY_FIELDS.map((field) => [field, group.facts.reduce((sum, f) => sum + f.state.money[field]!, 0)]));
        }
        for (const m of measures) {
          if (m.kind !== 'highest' && m.kind !== 'latest') continue;
          const valued = group.facts.filter((f) => f[m.field] !== null);
          if (m.kind === 'highest') out[m.key] = valued.length === 0 ? null : Math.max(...valued.map((f) => f[m.field] as number));
          else {
            const at = (f: Listed) => [f[definition.dateField] === null ? '' : parsePartialDate(f[definition.dateField]).start, f.id] as const;
            const last = [...valued].sort((a, b) => (at(a)[0] !== at(b)[0] ? (at(a)[0] < at(b)[0] ? -1 : 1) : at(a)[1] < at(b)[1] ? -1 : 1)).pop();
            out[m.key] = last ? (last[m.field] as number) : null;
          }
        }
        return [id, out];
      }),
    );
  }

  /** Every group of the drawn totals request, in its order. */
  async function totals(definition: FactDefinition, d: Draw, party: ReturnType<typeof partyFilter>): Promise<Group[]> {
    const measures = d.countOnly ? [] : totalsMeasures(definition);
    const filter = [
      ...(d.from ? [`from: "${d.from}"`] : []),
      ...(d.to ? [`to: "${d.to}"`] : []),
      ...(d.kinds ? [`${kindFilterArg(definition.parties[d.kinds[0]]!)}: ${literal(d.kinds[1], true)}`] : []),
      ...(party ? [`${party.filter.arg}: "${party.id}"`] : []),
    ];
    const key = d.groupBy.map((dim) => (dim.kind === 'party' ? `${dim.key} { id }` : dim.key)).join(' ');
    const fields = [
      'count',
      ...(measures.some((m) => m.kind === 'money') ? [`money { ${MONEY_FIELDS.join(' ')} }`] : []),
      ...measures.filter((m) => m.kind === 'highest' || m.kind === 'latest').map((m) => m.key),
    ].join(' ');
    const args = [
      `groupBy: ${literal(d.groupBy.map((dim) => dim.value), true)}`,
      ...(filter.length > 0 ? [`filter: {${filter.join(', ')}}`] : []),
      `sort: {field: ${d.sort}, direction: ${d.descending ? 'DESC' : 'ASC'}}`,
      'asOf: $asOf',
      `includeEnded: ${d.includeEnded}`,
      `includeImprecise: ${d.includeImprecise}`,
      `minConfidence: ${d.minConfidence}`,
      'first: 100',
      'after: $after',
    ];
    const query = `query ($asOf: Date, $after: String) { ${definition.single}Totals(${args.join(', ')}) { edges { node { key { ${key} } ${fields} } } pageInfo { hasNextPage endCursor } } }`;
    const out: Group[] = [];
    let after: string | null = null;
    for (;;) {
      const result: { data?: Record<string, { edges: { node: Group }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }> | null; errors?: unknown } = await app().gql(query, { asOf: d.asOf, after });
      expect({ query, errors: result.errors }).toEqual({ query, errors: undefined });
      const page = result.data![`${definition.single}Totals`]!;
      out.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  }

  /** A group's sort value: a measure, or its first key (a company by name is not checked here: by id it is not ordered). */
  const sortValue = (definition: FactDefinition, d: Draw, group: Group): number | string | null => {
    const m = totalsMeasures(definition).find((x) => x.value === d.sort);
    if (!m) return (group.key[d.groupBy[0]!.key] as string | null) ?? null;
    if (m.kind === 'count') return group.count;
    if (m.kind === 'money') return m.key === 'headlineUsd' ? group.money!.paidUsd! + group.money!.committedUsd! : group.money![m.key]!;
    return (group[m.key] as number | null) ?? null;
  };

  it('every group, count, money by kind and extreme; in the asked order, missing values last', async () => {
    let nonEmpty = 0;
    let everyKnown = 0;
    await fc.assert(
      fc.asyncProperty(draw, async (d) => {
        const { definition } = d;
        if (d.countOnly && d.includeEnded && d.minConfidence === Confidence.RUMOURED) everyKnown += 1;
        const facts = await listed(definition, d);
        const party = partyFilter(definition, d, facts);
        const expected = aggregate(definition, d, facts, party);
        const groups = await totals(definition, d, party);
        const actual = new Map(
          groups.map((group) => {
            const keys = d.groupBy.map((dim) => {
              const value = group.key[dim.key] as { id: string } | string | null;
              return value !== null && typeof value === 'object' ? value.id : value;
            });
            const { key: _key, ...measures } = group;
            return [JSON.stringify(keys), measures];
          }),
        );
        expect(actual.size).toBe(groups.length);
        if (groups.length > 0) nonEmpty += 1;
        expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
        if (!d.groupBy[0] || d.sort !== d.groupBy[0].value || d.groupBy[0].kind !== 'party') {
          const values = groups.map((group) => sortValue(definition, d, group));
          const present = values.filter((v) => v !== null);
          expect(values.slice(present.length).every((v) => v === null)).toBe(true);
          for (let i = 1; i < present.length; i++) {
            const [a, b] = [present[i - 1]!, present[i]!];
            expect(d.descending ? (a as number) >= (b as number) : (a as number) <= (b as number)).toBe(true);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // Most draws find groups: the agreement is not between two empty answers.
    expect(nonEmpty).toBeGreaterThan(RUNS / 3);
    // Some draws take the counting shortcut (a count over every status and confidence: known facts, or all of them).
    process.stdout.write(`totals: ${RUNS} draws, ${everyKnown} counted every known fact (seed ${SEED})\n`);
    expect(everyKnown).toBeGreaterThan(0);
  }, 600_000);
});

