import { CONFIDENCE_RANK, LIVE_STATUSES } from '../../domain/lifecycle';
import { COMPANY_RANKINGS, STORED_RANKING_SCOPE, type CompanyRanking } from '../../facts/company-rankings';
import type { FactDefinition, PartySpec } from '../../facts/fact-definition';
import { factCountsAt, factMoneyAt, type ScopeText } from './as-of-cypher';
import { factsOfCompany, identifier, partyPattern } from './cypher-text';
import { aggregatesOf, valueOf } from './totals-statements';

// Every company's rankings (src/facts/company-rankings.ts) kept by the writes, for every date at once, in the scope
// the analytics default to: a ranking's value changes only on the days its facts' states change (their `tlKnown`
// dates), so one node per company holds, per ranking, those days and what changes on each. A sum (a count, money by
// kind) keeps each fact state's change of its contribution, and its value on a day is the sum of the changes on or
// before it; an extreme (the latest valuation) keeps its value on each of those days. The measure is the totals
// statements' own (the same date rule, money slots and aggregates), and a property test checks the stored value
// against them. Whatever writes a fact refreshes the rankings of its companies in the same transaction.

/** The label of the node holding a company's stored rankings (one per company that has any, by `companyId`). */
export const RANKINGS_LABEL = 'CompanyRankings';

/** The stored scope as Cypher literals: the live statuses, any confidence. */
const STORED_SCOPE: ScopeText = {
  statuses: `[${STORED_RANKING_SCOPE.statuses.map((status) => `'${status}'`).join(', ')}]`,
  minConfidenceRank: String(CONFIDENCE_RANK[STORED_RANKING_SCOPE.minConfidence]),
};
if (STORED_RANKING_SCOPE.includeImprecise || STORED_RANKING_SCOPE.statuses.some((status) => !LIVE_STATUSES.includes(status))) {
  throw new Error('stored rankings read precise dates of live facts: the upkeep below would need their other dates');
}

/** The properties of a ranking on the rankings node: its days, what changes (or, for an extreme, its value) on each, and an upper bound of its value on any date. */
export function rankingProperties(ranking: CompanyRanking): { days: string; values: string; peak: string } {
  const name = identifier(ranking.value);
  return { days: `${name}_days`, values: `${name}_values`, peak: `${name}_peak` };
}

/** Whether a ranking is a sum (kept as changes) rather than an extreme (kept as values). */
export function isSum(ranking: CompanyRanking): boolean {
  return ranking.measure.kind === 'count' || ranking.measure.kind === 'money';
}

/** What fact `f` adds to a sum ranking in its state `index` (0 when it does not count then). */
function contribution(ranking: CompanyRanking, index: string): string {
  const amount = ranking.measure.kind === 'money' ? `reduce(slotTotal = 0.0, slot IN [${ranking.measure.slots.join(', ')}] | slotTotal + ${factMoneyAt('f', index)}[slot])` : '1';
  return `CASE WHEN ${factCountsAt('f', index, STORED_SCOPE)} THEN ${amount} ELSE 0 END`;
}

/** A subquery computing one ranking of company `c` from its facts, returning its three properties as `<name>_d/_v/_p`. */
function computeRanking(ranking: CompanyRanking): string[] {
  const name = identifier(ranking.value);
  const facts = factsOfCompany(ranking.definition, ranking.party, 'c', 'f');
  if (isSum(ranking)) {
    // A fact's change of contribution on the day of each of its states, summed per day; days with no change are left out.
    return [
      'CALL (c) {',
      `  OPTIONAL MATCH ${facts}`,
      '  UNWIND CASE WHEN f IS NULL THEN [] ELSE range(0, size(f.tlKnown) - 1) END AS i',
      `  WITH f.tlKnown[i] AS day, (${contribution(ranking, '(i + 1)')}) - (${contribution(ranking, 'i')}) AS change`,
      // One entry per day (whatever order the facts came in, every path stores the same lists).
      '  WITH day, sum(change) AS change',
      '  WHERE change <> 0',
      '  WITH day, change ORDER BY day',
      `  RETURN collect(day) AS ${name}_d, collect(change) AS ${name}_v, reduce(rise = 0, x IN collect(change) | rise + CASE WHEN x > 0 THEN x ELSE 0 END) AS ${name}_p`,
      '}',
    ];
  }
  // An extreme on each day a state of its facts begins: the totals aggregate over the facts that count that day.
  const m = ranking.measure;
  return [
    'CALL (c) {',
    `  OPTIONAL MATCH ${facts}`,
    '  WITH collect(f) AS facts',
    '  UNWIND facts AS dated',
    '  UNWIND dated.tlKnown AS day',
    '  WITH DISTINCT facts, day',
    '  UNWIND facts AS f',
    '  WITH day, f, size([d IN f.tlKnown WHERE d <= day]) AS fState',
    `  WITH day, CASE WHEN ${factCountsAt('f', 'fState', STORED_SCOPE)} THEN f END AS f`,
    `  WITH day, ${aggregatesOf(ranking.definition, [m]).join(', ')}`,
    `  WITH day, ${valueOf(m)} AS value ORDER BY day`,
    // NaN stands for "none on that day" (a list property holds no null).
    `  RETURN collect(day) AS ${name}_d, collect(coalesce(toFloat(value), 0.0 / 0.0)) AS ${name}_v, max(value) AS ${name}_p`,
    '}',
  ];
}

/**
 * Refreshes the stored rankings of company `c` that facts of `definition` make (every ranking when none is given):
 * recomputed from all its facts, so any write, import or repair may call it. A company none of whose rankings has a
 * value on any day keeps no node. Needs `c` bound; leaves the row as it was.
 */
export function refreshRankings(company: string, definition?: FactDefinition): string {
  const rankings = COMPANY_RANKINGS.filter((ranking) => !definition || ranking.definition === definition);
  if (rankings.length === 0) return '';
  const sets = rankings.flatMap((ranking) => {
    const name = identifier(ranking.value);
    const props = rankingProperties(ranking);
    // A ranking with no day keeps no properties (null removes them), so every path leaves the same node.
    const kept = (value: string) => `CASE WHEN size(${name}_d) > 0 THEN ${value} END`;
    return [`r.${props.days} = ${kept(`${name}_d`)}`, `r.${props.values} = ${kept(`${name}_v`)}`, `r.${props.peak} = ${kept(`${name}_p`)}`];
  });
  const label = RANKINGS_LABEL;
  return [
    `CALL (${identifier(company)}) {`,
    `  WITH ${identifier(company)} AS c`,
    // The node's write lock first, then the facts: a write refreshing the company at the same time waits, and reads
    // the facts once this one has committed (read the other way round, the later commit could keep a stale value).
    `  MERGE (r:${label} {companyId: c.id})`,
    '  SET r.refreshing = true',
    '  WITH c, r',
    ...rankings.flatMap(computeRanking).map((line) => `  ${line}`),
    `  SET ${sets.join(',\n      ')},\n      r.refreshing = null`,
    // Nothing left on any ranking: the node goes (a company with no facts keeps none).
    `  WITH r, [k IN keys(r) WHERE k ENDS WITH '_days'] AS kept`,
    `  CALL (r, kept) {`,
    `    WITH r WHERE size(kept) = 0`,
    `    DELETE r`,
    `  }`,
    '}',
  ].join('\n');
}

/** The roles of a fact type some ranking reads. */
export function rankedParties(definition: FactDefinition): PartySpec[] {
  return definition.parties.filter((party) => COMPANY_RANKINGS.some((ranking) => ranking.definition === definition && ranking.party === party));
}

/** The ranked companies of fact `fact` (its companies in a role some ranking reads), as a list expression. */
export function rankedCompanies(definition: FactDefinition, fact: string): string | null {
  const parties = rankedParties(definition);
  if (parties.length === 0) return null;
  return parties.map((party) => `[${partyPattern(party, identifier(fact), 'ranked')} | ranked]`).join(' + ');
}

/**
 * Refreshes the rankings of every company in list expression `companies` (over the variables `imports`) that facts of
 * `definition` make (all rankings when none is given): a unit subquery, the row count is left as it was.
 */
export function refreshRankingsOf(companies: string, imports: readonly string[], definition?: FactDefinition): string {
  const refresh = refreshRankings('rankedCompany', definition);
  if (!refresh) return '';
  // In id order, so two writes refreshing the same companies take their locks in the same order.
  return [`CALL (${imports.map(identifier).join(', ')}) {`, `  UNWIND ${companies} AS rankedCompany`, '  WITH DISTINCT rankedCompany ORDER BY rankedCompany.id', ...refresh.split('\n').map((line) => `  ${line}`), '}'].join('\n');
}

/** The schema the stored rankings need: one node per company, and each ranking's bound indexed (the best-first reads seek on it). */
export function rankingIndexStatements(): string[] {
  return [
    `CREATE CONSTRAINT company_rankings_company_id IF NOT EXISTS FOR (r:${RANKINGS_LABEL}) REQUIRE r.companyId IS UNIQUE`,
    ...COMPANY_RANKINGS.map((ranking) => {
      const peak = rankingProperties(ranking).peak;
      return `CREATE INDEX company_rankings_${peak.toLowerCase()} IF NOT EXISTS FOR (r:${RANKINGS_LABEL}) ON (r.${peak})`;
    }),
  ];
}

/**
 * One batch of the backfill: the rankings of the next $batch companies by id after $after, recomputed. Returns
 * lastId (null when none was left) and companies.
 */
export function backfillRankingsStatement(): string {
  return `// Recomputes every stored ranking of the next companies by id (generated).
MATCH (c:Company)
WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $batch
WITH collect(c) AS ranked
${refreshRankingsOf('ranked', ['ranked'])}
RETURN CASE WHEN size(ranked) = 0 THEN null ELSE ranked[size(ranked) - 1].id END AS lastId, size(ranked) AS companies`;
}

/**
 * A ranking's value on $asOfDay from rankings node `r` (0 or null, as the measure gives over no facts, when it holds
 * none). Its lists are read once into a map: indexing a node's list property reads the whole list again each time.
 */
export function storedRankingValue(ranking: CompanyRanking, r: string): string {
  const props = rankingProperties(ranking);
  const read = `{days: coalesce(${r}.${props.days}, []), values: ${r}.${props.values}}`;
  if (isSum(ranking)) {
    return `head([held IN [${read}] | reduce(total = ${ranking.measure.kind === 'count' ? '0' : '0.0'}, i IN range(0, size(held.days) - 1) | total + CASE WHEN held.days[i] <= $asOfDay THEN held.values[i] ELSE 0 END)])`;
  }
  const at = `reduce(at = -1, i IN range(0, size(held.days) - 1) | CASE WHEN held.days[i] <= $asOfDay THEN i ELSE at END)`;
  return `head([held IN [${read}] | head([at IN [${at}] | CASE WHEN at < 0 OR isNaN(held.values[at]) THEN null ELSE held.values[at] END])])`;
}

/** Recomputes every stored ranking of the companies $ids (those that exist). Returns: companies. */
export function refreshCompaniesStatement(): string {
  return `// Recomputes every stored ranking of the given companies (generated).
MATCH (c:Company)
WHERE c.id IN $ids
WITH collect(c) AS ranked
${refreshRankingsOf('ranked', ['ranked'])}
RETURN size(ranked) AS companies`;
}
