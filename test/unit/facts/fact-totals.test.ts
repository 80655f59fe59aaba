import { badInput } from '../../../src/domain/errors';
import { FACTS, factType } from '../../../src/facts/registry';
import { kindFilterArg, periodBucket, totalsDimensions, totalsFilters, totalsMeasures } from '../../../src/facts/fact-totals';
import { totalsStatement, groupFactsStatement, type TotalsShape } from '../../../src/neo4j/facts/totals-statements';
import { toTotalsQuery } from '../../../src/totals/totals.resolver';
import { LIVE_STATUSES } from '../../../src/domain/lifecycle';

// What totals group by and measure comes from each definition; the statement made for a shape starts where the list
// would (a party's company, the main date's index) and aggregates once.

const INVESTMENT = factType('Investment');
const FUNDING_ROUND = factType('FundingRound');
const RIVALRY = factType('Rivalry');

describe('totals derived from the fact definitions', () => {
  it('group by each party, its kind and country, the enum fields and the main date: one dimension per way, named once', () => {
    expect(totalsDimensions(INVESTMENT).map((d) => d.value)).toEqual([
      'INVESTOR',
      'INVESTOR_KIND',
      'INVESTOR_COUNTRY',
      'INVESTEE',
      'INVESTEE_KIND',
      'INVESTEE_COUNTRY',
      'AMOUNT_KIND',
      'INSTRUMENT',
      'STATUS',
      'CONFIDENCE',
      'YEAR',
      'QUARTER',
      'MONTH',
    ]);
    // A role of several companies names one of them: a round's lead investor, a rivalry's company.
    expect(totalsDimensions(FUNDING_ROUND).map((d) => d.key)).toContain('leadInvestor');
    expect(totalsDimensions(RIVALRY).map((d) => d.value)).toEqual(['COMPANY', 'COMPANY_KIND', 'COMPANY_COUNTRY', 'CONFIDENCE', 'YEAR', 'QUARTER', 'MONTH']);
    for (const definition of FACTS) expect(totalsDimensions(definition).length).toBeGreaterThan(5);
  });

  it('measure a count, money by kind for a type with an amount, and the extremes a totals spec names', () => {
    expect(totalsMeasures(RIVALRY).map((m) => m.value)).toEqual(['COUNT']);
    expect(totalsMeasures(INVESTMENT).map((m) => m.value)).toEqual(['COUNT', 'HEADLINE', 'PAID', 'COMMITTED', 'CEILING', 'CONTRACT_VALUE', 'STAKE_VALUE', 'UNDISCLOSED']);
    expect(totalsMeasures(FUNDING_ROUND).map((m) => m.key).slice(-2)).toEqual(['highestPostMoneyUsd', 'latestPostMoneyUsd']);
  });

  it("take the list's filters but its status filter and one named like a scope argument, and a kind filter per party", () => {
    expect(totalsFilters(INVESTMENT).map((f) => f.arg)).toEqual(['investorId', 'investeeId', 'from', 'to', 'minAmountUsd', 'amountKinds']);
    expect(totalsFilters(factType('Acquisition')).map((f) => f.arg)).toEqual(['companyId', 'kind']);
    expect(INVESTMENT.parties.map(kindFilterArg)).toEqual(['investorKinds', 'investeeKinds']);
    expect(FUNDING_ROUND.parties.map(kindFilterArg)).toEqual(['companyKinds', 'leadInvestorKinds']);
  });

  it('bucket a date by year, quarter or month; a year-only date has its own bucket, never a guessed one', () => {
    const day = { start: '2025-08-14', precision: 'DAY' as const };
    const month = { start: '2024-11-01', precision: 'MONTH' as const };
    const year = { start: '2024-01-01', precision: 'YEAR' as const };
    expect(['YEAR', 'QUARTER', 'MONTH'].map((b) => periodBucket(day, b as never))).toEqual(['2025', '2025-Q3', '2025-08']);
    expect(['YEAR', 'QUARTER', 'MONTH'].map((b) => periodBucket(month, b as never))).toEqual(['2024', '2024-Q4', '2024-11']);
    expect(['YEAR', 'QUARTER', 'MONTH'].map((b) => periodBucket(year, b as never))).toEqual(['2024', '2024-Q?', '2024-??']);
    expect(periodBucket(null, 'QUARTER')).toBeNull();
    // Unknown quarters and months sort after the year's known ones.
    expect(['2024-Q4', '2024-Q?'].sort()).toEqual(['2024-Q4', '2024-Q?']);
    expect(['2024-12', '2024-??'].sort()).toEqual(['2024-12', '2024-??']);
  });
});

describe('totals statements', () => {
  const shape = (over: Partial<TotalsShape>): TotalsShape => ({ filters: [], kindFilters: [], groupBy: ['INVESTOR'], sort: 'HEADLINE', descending: true, having: [], after: false, rollUp: false, ...over });

  it('start from the company of a party filter, else the main date index of a date range, else the label; aggregate once', () => {
    const byCompany = totalsStatement(INVESTMENT, shape({ filters: ['investeeId', 'from'] }));
    expect(byCompany).toMatch(/MATCH \(c:Company \{id: \$filter_investeeId\}\)\nUSING INDEX c:Company\(id\)/);
    const byDate = totalsStatement(INVESTMENT, shape({ filters: ['from', 'to'], kindFilters: ['investee'] }));
    expect(byDate).toMatch(/MATCH \(f:Investment\)\nUSING INDEX f:Investment\(announcedOn\)\nWHERE f\.announcedOn >= \$filter_from/);
    expect(byDate).toContain('k.kind IN $kinds_investee');
    const all = totalsStatement(INVESTMENT, shape({ groupBy: ['INVESTOR', 'QUARTER'], having: ['count:min'], after: true }));
    expect(all.split('\n')[1]).toBe('MATCH (f:Investment)');
    expect(all.match(/count\(/g)).toHaveLength(1);
    expect(all).toContain('m_count >= $having_count_min');
    expect(all).toContain('WHERE position < $after');
    // A round without a lead is in the group without one.
    expect(totalsStatement(FUNDING_ROUND, shape({ groupBy: ['LEAD_INVESTOR'], sort: 'LATEST_POST_MONEY' }))).toContain('OPTIONAL MATCH (f)<-[:LED]-(g_leadInvestors:Company)');
  });

  it("a group's facts start from the group's company when it has one", () => {
    const text = groupFactsStatement(INVESTMENT, { filters: ['from'], kindFilters: [], groupBy: ['QUARTER', 'INVESTOR'], nullKeys: [], after: true, companies: false, rollUp: false });
    expect(text).toMatch(/MATCH \(g_investor:Company \{id: \$key_1\}\)\nUSING INDEX g_investor:Company\(id\)/);
    expect(text).toContain('= $key_0');
  });

  it('refuse a sort by a dimension not grouped by', () => {
    const args = { groupBy: ['INVESTOR'], first: 10, includeEnded: false, includeImprecise: false, minConfidence: 'RUMOURED', sort: { field: 'QUARTER', direction: 'DESC' } } as never;
    expect(() => toTotalsQuery(INVESTMENT, args)).toThrow(badInput('sort', 'cannot sort by QUARTER without grouping by it').message);
    const query = toTotalsQuery(INVESTMENT, { ...(args as object), sort: undefined } as never);
    expect(query).toMatchObject({ sort: 'HEADLINE', descending: true, scope: { statuses: LIVE_STATUSES } });
  });
});
