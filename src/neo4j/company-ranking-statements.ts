import { COMPANY_RANKINGS, companyRanking } from '../facts/company-rankings';
import { COMPANY_FILTERS, companyConditions, type CompanyFilterName } from './company-list-statements';
import { companyMeasureSubquery } from './facts/totals-statements';
import { RANKINGS_LABEL, rankingProperties, storedRankingValue } from './facts/ranking-upkeep';

// Company list pages ranked by an aggregate of each company's facts (src/facts/company-rankings.ts), one statement per
// shape. The measure is the totals statements' own subquery (the one date rule, money by kind, the aggregate), so a
// company's rank says what its totals group says. It reads every company the filter keeps and its facts in the
// ranking's role: a ranking has no index to read in order.

export interface CompanyRankingShape {
  /** The CompanySortField value of a ranking. */
  readonly ranking: string;
  readonly filters: readonly CompanyFilterName[];
  readonly descending: boolean;
  /** nonNull: companies with a value, by it; null: the others (an extreme none of their facts reports), by id. */
  readonly phase: 'nonNull' | 'null';
  readonly after: boolean;
}

/**
 * One page. Params: the given filters (as the company list's), the scope's ($asOfDay, $includeImprecise, $statuses,
 * $minConfidenceRank), $afterValue/$afterId with a cursor, $limit. Returns: company (map), sortValue.
 */
export function companyRankingStatement(shape: CompanyRankingShape, companyMap: (variable: string) => string): string {
  const ranking = companyRanking(shape.ranking);
  if (!ranking) throw new Error(`no company ranking ${shape.ranking}`);
  const [cmp, direction] = shape.descending ? ['<', 'DESC'] : ['>', 'ASC'];
  const conditions = companyConditions(shape.filters);
  const valued = shape.phase === 'nonNull';
  const keyset = valued ? ['value IS NOT NULL', ...(shape.after ? [`[value, c.id] ${cmp} [$afterValue, $afterId]`] : [])] : ['value IS NULL', ...(shape.after ? [`c.id ${cmp} $afterId`] : [])];
  const order = valued ? `value ${direction}, c.id ${direction}` : `c.id ${direction}`;
  return [
    `// One page of companies ranked by an aggregate of their facts (generated): ${JSON.stringify(shape)}.`,
    'MATCH (c:Company)',
    ...(conditions.length > 0 ? [`WHERE ${conditions.join('\n  AND ')}`] : []),
    ...companyMeasureSubquery(ranking.definition, ranking.party, ranking.measure.value, 'c', 'value'),
    `WITH c, value WHERE ${keyset.join(' AND ')}`,
    `WITH c, value ORDER BY ${order} LIMIT $limit`,
    `RETURN ${companyMap('c')} AS company, value AS sortValue`,
    `ORDER BY ${order}`,
  ].join('\n');
}

/** Every shape, for tests that EXPLAIN them all: each ranking, with no filter and with all, both ways, each phase, with and without a cursor. */
export function allCompanyRankingShapes(): CompanyRankingShape[] {
  const shapes: CompanyRankingShape[] = [];
  for (const ranking of COMPANY_RANKINGS) {
    for (const filters of [[], COMPANY_FILTERS]) {
      for (const descending of [false, true]) {
        for (const phase of ranking.nullable ? (['nonNull', 'null'] as const) : (['nonNull'] as const)) {
          for (const after of [false, true]) shapes.push({ ranking: ranking.value, filters, descending, phase, after });
        }
      }
    }
  }
  return shapes;
}

export interface StoredRankingShape {
  readonly ranking: string;
  readonly filters: readonly CompanyFilterName[];
}

/**
 * A batch of companies best first by the upper bound of a ranking (its stored peak: no value of it on any date is
 * higher), from where the previous batch ended, with each one's value on $asOfDay read from its stored rankings
 * (src/neo4j/facts/ranking-upkeep.ts). The repository reads batches until no company left can outrank the page.
 * Params: the given filters, $asOfDay, $scanPeak/$scanId (where the scan is: below [peak, id]), $batch. Returns: id,
 * peak, value, company (null when the filters leave it out).
 */
export function storedRankingBatchStatement(shape: StoredRankingShape, companyMap: (variable: string) => string): string {
  const ranking = companyRanking(shape.ranking);
  if (!ranking) throw new Error(`no company ranking ${shape.ranking}`);
  const peak = `r.${rankingProperties(ranking).peak}`;
  const conditions = companyConditions(shape.filters);
  return [
    `// A batch of companies best first by a stored ranking's bound (generated): ${JSON.stringify(shape)}.`,
    `MATCH (r:${RANKINGS_LABEL})`,
    `WHERE ${peak} <= $scanPeak AND (${peak} < $scanPeak OR r.companyId < $scanId)`,
    `WITH r ORDER BY ${peak} DESC, r.companyId DESC LIMIT $batch`,
    'OPTIONAL MATCH (c:Company {id: r.companyId})',
    ...(conditions.length > 0 ? [`WHERE ${conditions.join('\n  AND ')}`] : []),
    `RETURN r.companyId AS id, ${peak} AS peak, ${storedRankingValue(ranking, 'r')} AS value, CASE WHEN c IS NULL THEN null ELSE ${companyMap('c')} END AS company`,
    `ORDER BY peak DESC, id DESC`,
  ].join('\n');
}
