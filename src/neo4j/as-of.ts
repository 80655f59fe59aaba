import { scopeDay, type FactScope } from '../domain/as-of';
import { CONFIDENCE_RANK, ENDED_STATUSES } from '../domain/lifecycle';
import type { PartialDate } from '../domain/partial-date';
import { date, int } from './params';
import { appendTo } from '../platform/append-to';

/** What a list of a company's facts is read as of: the day (the end of the asOf period, today when none) and how imprecise dates count. */
export interface KnownScope {
  readonly asOf: PartialDate | null | undefined;
  readonly includeImprecise: boolean;
}

/** A loader key for (company, day, imprecise): loaders batch all keys of one day and mode into one query. */
export function asOfKey(id: string, scope: KnownScope): string {
  return `${scopeDay({ asOf: scope.asOf ?? null })}${scope.includeImprecise ? '~' : ''}|${id}`;
}

/** Splits loader keys back into { "day[~]" -> ids }. */
export function groupAsOfKeys(keys: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const separator = key.indexOf('|');
    const asOf = key.slice(0, separator);
    appendTo(groups, asOf, key.slice(separator + 1));
  }
  return groups;
}

/** The parameters the `fact-known` fragment reads, from a group of asOfKey. */
export function knownParams(group: string) {
  const includeImprecise = group.endsWith('~');
  return { asOfDay: includeImprecise ? group.slice(0, -1) : group, includeImprecise };
}

/**
 * The parameters every analytics statement reads a scope with (see the `fact-counts` and `edge-counts` fragments):
 * $asOf (DATE, the end of the period: today when the scope names no date), $asOfDay (the same as an ISO day),
 * whether imprecise dates count from the start of their period, the statuses that count, the lowest confidence rank,
 * and whether ended relationships may pass at all.
 */
export function scopeParams(scope: FactScope) {
  const day = scopeDay(scope);
  return {
    asOf: date(day),
    asOfDay: day,
    includeImprecise: scope.includeImprecise,
    statuses: [...scope.statuses],
    minConfidenceRank: int(CONFIDENCE_RANK[scope.minConfidence]),
    keepEnded: scope.statuses.some((status) => ENDED_STATUSES.includes(status)),
  };
}
