// How many facts were announced in each quarter, over every fact type: the time bar's density. No query answers
// event dates (closes, ends, tranches...) over the whole graph in one go (they are in each fact's `history`, one fact
// at a time), while each type's totals grouped by QUARTER count its facts by the quarter of their announcement in
// one cheap aggregate; so the bar shows announcements, every type's totals asked in one request.

import { graphql } from './client';

/** Every fact type's totals query (explorer/test/totals-catalogue.test.ts checks it against FACTS and the schema). */
export const DENSITY_QUERIES = [
  'investmentTotals',
  'computeDealTotals',
  'fundingRoundTotals',
  'acquisitionTotals',
  'partnershipTotals',
  'rivalryTotals',
  'subsidiaryLinkTotals',
] as const;

/** Quarters per type: more than the slider spans (2015 on), so one page holds them. */
const QUARTERS = 100;

/**
 * Today's facts (ended ones too, year- and month-dated ones counted from their period's start) by quarter of
 * announcement, each type under its own alias.
 */
export const DENSITY_DOCUMENT = `query EventDensity {
${DENSITY_QUERIES.map((query) => `  ${query}: ${query}(groupBy: [QUARTER], includeEnded: true, includeImprecise: true, sort: { field: QUARTER, direction: ASC }, first: ${QUARTERS}) { nodes { key { quarter } count } pageInfo { hasNextPage } }`).join('\n')}
}`;

/** Facts announced in a bucket: "2024-Q3", or "2023-Q?" for facts dated only to their year. */
export interface DensityBucket {
  bucket: string;
  count: number;
}

type DensityAnswer = Record<string, { nodes: { key: { quarter: string | null }; count: number }[]; pageInfo: { hasNextPage: boolean } }>;

/** The counts summed over the fact types, by bucket in time order; undated facts are left out (they have no place). */
export async function eventDensity(): Promise<{ buckets: DensityBucket[]; complete: boolean }> {
  const answer = await graphql<DensityAnswer>(DENSITY_DOCUMENT, {});
  const counts = new Map<string, number>();
  let complete = true;
  for (const query of DENSITY_QUERIES) {
    const totals = answer[query];
    if (!totals) continue;
    complete &&= !totals.pageInfo.hasNextPage;
    for (const node of totals.nodes) if (node.key.quarter) counts.set(node.key.quarter, (counts.get(node.key.quarter) ?? 0) + node.count);
  }
  const buckets = [...counts].map(([bucket, count]) => ({ bucket, count })).sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
  return { buckets, complete };
}
