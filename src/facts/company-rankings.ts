import type { FactDefinition, PartySpec } from './fact-definition';
import { defaultScope, type FactScope } from '../domain/as-of';
import { totalsDimensions, totalsMeasures, type TotalsMeasure } from './fact-totals';
import { FACTS } from './registry';

// The orders of the `companies` list by an aggregate of a company's facts, from the `companySorts` of each definition's
// totals spec: each is one totals measure (the same money rule, the same statement pieces) of the facts a company
// takes part in, in one role. No list kept here.

/** An order of the company list by a measure of its facts in one role. */
export interface CompanyRanking {
  /** Its value in the CompanySortField enum. */
  readonly value: string;
  readonly definition: FactDefinition;
  readonly party: PartySpec;
  readonly measure: TotalsMeasure;
  readonly description: string;
  /** Whether a company may have no value (an extreme with none reported): those come after the others, by id. */
  readonly nullable: boolean;
}

/** Orders the company list takes from its own properties; a ranking may not take their names. */
const PROPERTY_SORTS = ['NAME', 'FOUNDED', 'ID'];

function rankingsOf(definition: FactDefinition): CompanyRanking[] {
  return (definition.totals?.companySorts ?? []).map((spec) => {
    const party = definition.parties.find((p) => p.role === spec.role);
    const measure = totalsMeasures(definition).find((m) => m.value === spec.measure);
    if (!party || !measure) throw new Error(`${definition.name}: company sort ${spec.value} names no party ${spec.role} or no totals measure ${spec.measure}`);
    return { value: spec.value, definition, party, measure, description: spec.description, nullable: measure.kind === 'highest' || measure.kind === 'latest' };
  });
}

/** Every company ranking, in registry order. */
export const COMPANY_RANKINGS: readonly CompanyRanking[] = FACTS.flatMap(rankingsOf);

for (const [i, ranking] of COMPANY_RANKINGS.entries()) {
  if (PROPERTY_SORTS.includes(ranking.value) || COMPANY_RANKINGS.findIndex((other) => other.value === ranking.value) !== i) {
    throw new Error(`two company sorts named ${ranking.value}`);
  }
}

/** The ranking of a sort value, or undefined for a property sort. */
export function companyRanking(value: string): CompanyRanking | undefined {
  return COMPANY_RANKINGS.find((ranking) => ranking.value === value);
}

/**
 * The scope every company's rankings are also kept in, on every date, by the writes (src/neo4j/facts/ranking-upkeep.ts):
 * the analytics defaults (precise dates, live statuses, any confidence). A request in it reads those; any other scope
 * measures each company's facts as the request asks.
 */
export const STORED_RANKING_SCOPE: Omit<FactScope, 'asOf'> = (({ asOf: _asOf, ...rest }) => rest)(defaultScope());

/** Whether a request's scope is the one the rankings are kept in (its date aside: they hold every date). */
export function readsStoredRankings(scope: FactScope): boolean {
  const stored = STORED_RANKING_SCOPE;
  return (
    scope.includeImprecise === stored.includeImprecise &&
    scope.minConfidence === stored.minConfidence &&
    scope.statuses.length === stored.statuses.length &&
    stored.statuses.every((status) => scope.statuses.includes(status))
  );
}

/** The ranking whose order a totals page grouped by one party and sorted by a measure has, if one is kept. */
export function rankingOfGroups(definition: FactDefinition, groupBy: readonly string[], sort: string): CompanyRanking | undefined {
  const [value] = groupBy;
  const dimension = groupBy.length === 1 ? totalsDimensions(definition).find((d) => d.value === value) : undefined;
  if (dimension?.kind !== 'party') return undefined;
  return COMPANY_RANKINGS.find((ranking) => ranking.definition === definition && ranking.party === dimension.party && ranking.measure.value === sort);
}
