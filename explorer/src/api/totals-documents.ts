// The totals document of each fact type in the catalogue, made from it: every party's company, kind and country and
// the quarter in the key (a key answers only the dimensions grouped by, the rest null), the count, money by kind and
// the extremes. explorer/test/totals-catalogue.test.ts checks each against the schema and the default limits.

import type { TotalsFactType } from './totals-catalogue';

/** Groups per request: the API's largest page. */
export const TOTALS_PAGE_SIZE = 100;

const MONEY_FIELDS = 'paidUsd committedUsd ceilingUsd contractValueUsd stakeValueUsd headlineUsd undisclosedCount description';

export function totalsDocument(type: TotalsFactType): string {
  const key = type.parties.map((party) => `${party.key} { id name kind } ${party.key}Kind ${party.key}Country`).join(' ');
  const extremes = type.extremes.map((extreme) => ` ${extreme.field}`).join('');
  return `query ${type.type}Totals($groupBy: [${type.type}TotalsDimension!]!, $filter: ${type.type}TotalsFilter, $sort: ${type.type}TotalsSort, $first: Int!, $after: String, $asOf: Date) {
  totals: ${type.query}(groupBy: $groupBy, filter: $filter, sort: $sort, first: $first, after: $after, asOf: $asOf) {
    pageInfo { hasNextPage endCursor }
    nodes { key { ${key} quarter } count money { ${MONEY_FIELDS} }${extremes} }
  }
}`;
}
