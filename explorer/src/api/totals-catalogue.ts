// The totals queries the rankings and over-time panels ask, as the server derives them from each fact type's
// definition (src/facts/fact-totals.ts). The page cannot import the definitions (they hash ids with node:crypto) nor
// introspect the schema (off in production), so it names them here; explorer/test/totals-catalogue.test.ts checks
// this list against FACTS and the schema, so a fact type with money that the server adds fails a test until it is here.

import type { CompanyKind } from './types';

/** A party of a fact type: what its groups are keyed by, and the filters that pick one company or kinds of them. */
export interface TotalsParty {
  /** The dimension grouping by the company itself ("INVESTOR"); `_KIND` and `_COUNTRY` group by its kind and country. */
  dimension: string;
  /** Its field in a group's key ("investor"; `investorKind`, `investorCountry`). */
  key: string;
  /** One of them, and several ("Investor", "Investors"). */
  label: string;
  plural: string;
  /** The filter for one company in this role ("investorId"), null when the type has none for the role alone. */
  idFilter: string | null;
  /** The filter for companies of some kinds in this role ("investorKinds"). */
  kindsFilter: string;
}

/** A measure beyond the count and money by kind (a funding round's post-money valuation). */
export interface TotalsExtreme {
  /** The sort field ("LATEST_POST_MONEY") and the group's field ("latestPostMoneyUsd"). */
  sort: string;
  field: string;
  label: string;
}

export interface TotalsFactType {
  /** The GraphQL type prefix ("Investment": InvestmentTotalsFilter, InvestmentTotalsDimension...). */
  type: string;
  /** The query ("investmentTotals"). */
  query: string;
  label: string;
  parties: readonly TotalsParty[];
  /** The filter for a company in any role ("companyId" of acquisitions: acquirer or target), if the type has one. */
  anyPartyFilter: string | null;
  /** Whether the filter takes a date range (from, to) on the type's main date. */
  dated: boolean;
  extremes: readonly TotalsExtreme[];
}

function party(dimension: string, key: string, label: string, plural: string, idFilter: string | null): TotalsParty {
  return { dimension, key, label, plural, idFilter, kindsFilter: `${key}Kinds` };
}

/** Every fact type whose totals measure money, in the registry's order. */
export const TOTALS_FACT_TYPES: readonly TotalsFactType[] = [
  {
    type: 'Investment',
    query: 'investmentTotals',
    label: 'Investments',
    parties: [party('INVESTOR', 'investor', 'Investor', 'Investors', 'investorId'), party('INVESTEE', 'investee', 'Investee', 'Investees', 'investeeId')],
    anyPartyFilter: null,
    dated: true,
    extremes: [],
  },
  {
    type: 'ComputeDeal',
    query: 'computeDealTotals',
    label: 'Compute deals',
    parties: [party('PROVIDER', 'provider', 'Provider', 'Providers', 'providerId'), party('CUSTOMER', 'customer', 'Customer', 'Customers', 'customerId')],
    anyPartyFilter: null,
    dated: true,
    extremes: [],
  },
  {
    type: 'FundingRound',
    query: 'fundingRoundTotals',
    label: 'Funding rounds',
    parties: [party('COMPANY', 'company', 'Company', 'Companies', 'companyId'), party('LEAD_INVESTOR', 'leadInvestor', 'Lead investor', 'Lead investors', 'leadInvestorId')],
    anyPartyFilter: null,
    dated: true,
    extremes: [
      { sort: 'HIGHEST_POST_MONEY', field: 'highestPostMoneyUsd', label: 'Highest post-money' },
      { sort: 'LATEST_POST_MONEY', field: 'latestPostMoneyUsd', label: 'Latest post-money' },
    ],
  },
  {
    type: 'Acquisition',
    query: 'acquisitionTotals',
    label: 'Acquisitions',
    parties: [party('ACQUIRER', 'acquirer', 'Acquirer', 'Acquirers', null), party('TARGET', 'target', 'Target', 'Targets', null)],
    anyPartyFilter: 'companyId',
    dated: false,
    extremes: [],
  },
  {
    type: 'Partnership',
    query: 'partnershipTotals',
    label: 'Partnerships',
    parties: [party('COMPANY', 'company', 'Partner', 'Partners', 'companyId')],
    anyPartyFilter: null,
    dated: true,
    extremes: [],
  },
];

/** What a ranking's groups are: a party's companies, their kinds, or their countries. */
export type GroupingKind = 'company' | 'kind' | 'country';

export interface Grouping {
  party: TotalsParty;
  kind: GroupingKind;
  /** The groupBy value ("INVESTOR_KIND") and the key's field ("investorKind"). */
  dimension: string;
  key: string;
  label: string;
}

/** The groupings a fact type is ranked by: each party's companies, then their kinds and countries. */
export function groupings(type: TotalsFactType): Grouping[] {
  return type.parties.flatMap((p) => [
    { party: p, kind: 'company' as const, dimension: p.dimension, key: p.key, label: p.plural },
    { party: p, kind: 'kind' as const, dimension: `${p.dimension}_KIND`, key: `${p.key}Kind`, label: `${p.label} kinds` },
    { party: p, kind: 'country' as const, dimension: `${p.dimension}_COUNTRY`, key: `${p.key}Country`, label: `${p.label} countries` },
  ]);
}

/** A measure groups are ranked by: its sort field, and how to read it from a group. */
export interface RankMeasure {
  sort: string;
  label: string;
  /** A Money field ("headlineUsd"), "count", or an extreme's field. */
  field: string;
  source: 'money' | 'count' | 'extreme';
}

/** Money measures in the order the panels list them: the headline first, then each kind. */
export const MONEY_MEASURES: readonly RankMeasure[] = [
  { sort: 'HEADLINE', label: 'Headline (paid + committed)', field: 'headlineUsd', source: 'money' },
  { sort: 'PAID', label: 'Paid', field: 'paidUsd', source: 'money' },
  { sort: 'COMMITTED', label: 'Committed', field: 'committedUsd', source: 'money' },
  { sort: 'CEILING', label: 'Ceiling', field: 'ceilingUsd', source: 'money' },
  { sort: 'CONTRACT_VALUE', label: 'Contract value', field: 'contractValueUsd', source: 'money' },
  { sort: 'STAKE_VALUE', label: 'Stake value', field: 'stakeValueUsd', source: 'money' },
];

export function rankMeasures(type: TotalsFactType): RankMeasure[] {
  return [...MONEY_MEASURES, { sort: 'COUNT', label: 'Count', field: 'count', source: 'count' }, ...type.extremes.map((e): RankMeasure => ({ sort: e.sort, label: e.label, field: e.field, source: 'extreme' }))];
}

/** The scope an over-time chart sums: the whole graph, the companies of one kind (a market), or one company. */
export type TotalsScope = { kind: 'graph' } | { kind: 'market'; market: CompanyKind } | { kind: 'company'; companyId: string };

/** A way to see a company's or a market's facts of a type: a party it takes part as, or any party. */
export interface TotalsSide {
  label: string;
  idFilter: string | null;
  kindsFilter: string | null;
}

export function sides(type: TotalsFactType): TotalsSide[] {
  const out: TotalsSide[] = type.parties.map((p) => ({ label: `as ${p.label.toLowerCase()}`, idFilter: p.idFilter, kindsFilter: p.kindsFilter }));
  if (type.anyPartyFilter) out.push({ label: 'either side', idFilter: type.anyPartyFilter, kindsFilter: null });
  return out;
}

/** Whether a side can filter to a scope (acquisitions pick one company only on either side, kinds only by role). */
export function sideServes(side: TotalsSide, scope: TotalsScope['kind']): boolean {
  return scope === 'graph' || (scope === 'company' ? side.idFilter !== null : side.kindsFilter !== null);
}

/** The filter for a scope on a side, and a date range when the type takes one. */
export function totalsFilter(type: TotalsFactType, side: TotalsSide | null, scope: TotalsScope, range: { from: string | null; to: string | null }): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (scope.kind === 'company' && side?.idFilter) filter[side.idFilter] = scope.companyId;
  if (scope.kind === 'market' && side?.kindsFilter) filter[side.kindsFilter] = [scope.market];
  if (type.dated) {
    if (range.from) filter.from = range.from;
    if (range.to) filter.to = range.to;
  }
  return filter;
}
