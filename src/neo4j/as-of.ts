import { endOfPeriod, type PartialDate } from '../domain/partial-date';
import { date, int } from './params';
import { CONFIDENCE_RANK, ENDED_STATUSES, scopeDay, type FactScope } from '../domain/lifecycle';

/** The DATE parameter for an `asOf` argument: the end of its period, or null for "all time". */
export function asOfParam(asOf: PartialDate | null | undefined) {
  return asOf ? date(endOfPeriod(asOf)) : null;
}

/** A loader key for (company, asOf): loaders batch all keys of one asOf into one query. */
export function asOfKey(id: string, asOf: PartialDate | null | undefined): string {
  return `${asOf ? endOfPeriod(asOf) : ''}|${id}`;
}

/** Splits loader keys back into { asOf end date -> ids }. */
export function groupAsOfKeys(keys: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const separator = key.indexOf('|');
    const asOf = key.slice(0, separator);
    groups.set(asOf, [...(groups.get(asOf) ?? []), key.slice(separator + 1)]);
  }
  return groups;
}

/**
 * The parameters every analytics statement reads a scope with (see the `fact-counts` and `edge-counts` fragments):
 * $asOf (DATE, the end of the period, or null), $asOfDay (the same as an ISO day; far future for today), whether
 * imprecise dates count from the start of their period, the statuses that count, the lowest confidence rank, and
 * whether ended relationships may pass at all.
 */
export function scopeParams(scope: FactScope) {
  return {
    asOf: asOfParam(scope.asOf),
    asOfDay: scopeDay(scope),
    includeImprecise: scope.includeImprecise,
    statuses: [...scope.statuses],
    minConfidenceRank: int(CONFIDENCE_RANK[scope.minConfidence]),
    keepEnded: scope.statuses.some((status) => ENDED_STATUSES.includes(status)),
  };
}
