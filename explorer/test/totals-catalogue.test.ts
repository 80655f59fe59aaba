import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { groupings, rankMeasures, sides, sideServes, TOTALS_FACT_TYPES, totalsFilter } from '../src/api/totals-catalogue';
import { DENSITY_DOCUMENT, DENSITY_QUERIES } from '../src/api/density';
import { TOTALS_PAGE_SIZE, totalsDocument } from '../src/api/totals-documents';
import { loadConfig } from '../../src/config';
import { kindFilterArg, memberName, totalsDimensions, totalsFilters, totalsMeasures } from '../../src/facts/fact-totals';
import { FACTS } from '../../src/facts/registry';
import { limitRules, parseOptions } from '../../src/graphql/limits';
import { buildAppSchema } from '../../src/schema';

// The explorer's list of totals queries against what the server derives from FACTS, and its documents against the
// real schema and default limits: a fact type with money the server adds, or a renamed dimension, fails here.

const withMoney = FACTS.filter((definition) => totalsMeasures(definition).some((measure) => measure.kind === 'money'));

describe('the explorer totals catalogue', () => {
  it('names every fact type whose totals measure money, with its query', () => {
    const named = TOTALS_FACT_TYPES.map((type) => [type.type, type.query]).sort();
    expect(named).toEqual(withMoney.map((definition) => [definition.name, `${definition.single}Totals`]).sort());
  });

  it.each(withMoney.map((definition) => [definition.name, definition] as const))('%s: its parties, filters and extremes are the server’s', (name, definition) => {
    const type = TOTALS_FACT_TYPES.find((candidate) => candidate.type === name)!;
    const filters = totalsFilters(definition);
    expect(type.parties.map((party) => ({ dimension: party.dimension, key: party.key, idFilter: party.idFilter, kindsFilter: party.kindsFilter }))).toEqual(
      definition.parties.map((party) => ({
        dimension: totalsDimensions(definition).find((d) => d.kind === 'party' && d.party === party)!.value,
        key: memberName(party),
        idFilter: filters.find((filter) => filter.kind === 'party' && filter.role === party.role)?.arg ?? null,
        kindsFilter: kindFilterArg(party),
      })),
    );
    expect(type.anyPartyFilter).toBe(filters.find((filter) => filter.kind === 'party' && filter.role === '*')?.arg ?? null);
    expect(type.dated).toBe(['from', 'to'].every((arg) => filters.some((filter) => filter.arg === arg)));
    const dimensions = totalsDimensions(definition).map((d) => d.value);
    for (const grouping of groupings(type)) expect(dimensions).toContain(grouping.dimension);
    expect(dimensions).toContain('QUARTER');
    const measures = totalsMeasures(definition);
    for (const measure of rankMeasures(type)) expect(measures.find((m) => m.value === measure.sort)?.key).toBe(measure.field);
    expect(type.extremes.map((extreme) => [extreme.sort, extreme.field])).toEqual(measures.filter((m) => m.kind === 'highest' || m.kind === 'latest').map((m) => [m.value, m.key]));
  });

  it('filters a company or a market only on a side that can, with the date range only where the type takes one', () => {
    const investments = TOTALS_FACT_TYPES.find((type) => type.type === 'Investment')!;
    const [asInvestor] = sides(investments);
    expect(totalsFilter(investments, asInvestor!, { kind: 'company', companyId: 'google' }, { from: '2025-01-01', to: null })).toEqual({ investorId: 'google', from: '2025-01-01' });
    expect(totalsFilter(investments, asInvestor!, { kind: 'market', market: 'AI_LAB' }, { from: null, to: null })).toEqual({ investorKinds: ['AI_LAB'] });
    const acquisitions = TOTALS_FACT_TYPES.find((type) => type.type === 'Acquisition')!;
    expect(totalsFilter(acquisitions, null, { kind: 'graph' }, { from: '2025-01-01', to: '2025-12-31' })).toEqual({});
    expect(sides(acquisitions).map((side) => [side.label, sideServes(side, 'company'), sideServes(side, 'market')])).toEqual([
      ['as acquirer', false, true],
      ['as target', false, true],
      ['either side', true, false],
    ]);
  });
});

describe('the explorer totals documents', () => {
  const limits = loadConfig({}).limits;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema(null);
  });

  it.each(TOTALS_FACT_TYPES.map((type) => [type.type, type] as const))('%s is valid and within the default limits at the largest page', (_name, type) => {
    const document = parse(totalsDocument(type), parseOptions(limits));
    expect(validate(schema, document, [...specifiedRules, ...limitRules(limits)]).map((error) => error.message)).toEqual([]);
    const complexity = getComplexity({
      schema,
      query: document,
      variables: { groupBy: ['QUARTER'], filter: {}, sort: { field: 'COUNT', direction: 'DESC' }, first: TOTALS_PAGE_SIZE, after: null, asOf: '2025-06-30' },
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
    expect(complexity).toBeLessThanOrEqual(limits.maxComplexity);
  });
});

describe('the time bar density document', () => {
  const limits = loadConfig({}).limits;

  it('asks every fact type’s totals by quarter, valid and within the default limits', async () => {
    expect([...DENSITY_QUERIES].sort()).toEqual(FACTS.map((definition) => `${definition.single}Totals`).sort());
    const schema = await buildAppSchema(null);
    const document = parse(DENSITY_DOCUMENT, parseOptions(limits));
    expect(validate(schema, document, [...specifiedRules, ...limitRules(limits)]).map((error) => error.message)).toEqual([]);
    const complexity = getComplexity({ schema, query: document, variables: {}, estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] });
    expect(complexity).toBeLessThanOrEqual(limits.maxComplexity);
  });
});
