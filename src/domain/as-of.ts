import { Confidence, CONFIDENCE_RANK, FactStatus, LIVE_STATUSES, type Timeline } from './lifecycle';
import type { Money } from './money';
import { endOfPeriod, type PartialDate } from './partial-date';
import { today } from './today';

// The one rule for "how a fact stood on a date", read by TypeScript here and by Cypher through the fragments built
// from AS_OF_PROPERTIES (src/neo4j/facts/fact-fragments.ts); a property test runs both on drawn facts and dates.
//
// - The date read is the end of the asOf period (as of 2024-03 reads 2024-03-31); no asOf is today (src/domain/today).
// - A fact's state on that day is entry n of its timeline, n being how many of its state dates lie on or before the
//   day: `tlKnown` (each event certain once its whole period and every earlier one's has passed: a fact dated to a
//   month counts once the month is over) or, with includeImprecise, `tlFrom` (from the period's first day).
// - It is known when n > 0, which is when its first date (`knownOn`, or `knownFrom`) lies on or before the day.
// - It counts when known, its status then is one of the scope's statuses, and its confidence is high enough.

/** Which facts count: on a date (null: today), strict about imprecise dates unless told, of some statuses and confidence. */
export interface FactScope {
  readonly asOf: PartialDate | null;
  readonly includeImprecise: boolean;
  readonly statuses: readonly FactStatus[];
  readonly minConfidence: Confidence;
}

/** The scope of an answer that names nothing: today, precise dates, every live status, any confidence. */
export function defaultScope(): FactScope {
  return { asOf: today(), includeImprecise: false, statuses: LIVE_STATUSES, minConfidence: Confidence.RUMOURED };
}

/**
 * Whether a scope counts every fact known on its date: every status counts and so does any confidence. Then a fact
 * counts exactly when it is known (each state after the first date has a status), and counting needs no state.
 */
export function countsEveryKnownFact(scope: Pick<FactScope, 'statuses' | 'minConfidence'>): boolean {
  return CONFIDENCE_RANK[scope.minConfidence] === 0 && Object.values(FactStatus).every((status) => scope.statuses.includes(status));
}

/** The stored properties the rule reads, by how imprecise dates are taken: the state dates and the first of them. */
export const AS_OF_PROPERTIES = {
  precise: { dates: 'tlKnown', first: 'knownOn' },
  imprecise: { dates: 'tlFrom', first: 'knownFrom' },
} as const satisfies Record<string, { dates: keyof Timeline; first: keyof Timeline }>;

/** The ISO day a scope reads states at: the end of the asOf period, today when none. */
export function scopeDay(scope: Pick<FactScope, 'asOf'>): string {
  return endOfPeriod(scope.asOf ?? today());
}

/** The timeline entry a fact is in on `day` (0: not yet known). */
export function stateIndex(t: Pick<Timeline, 'tlKnown' | 'tlFrom'>, day: string, includeImprecise: boolean): number {
  const dates = t[AS_OF_PROPERTIES[includeImprecise ? 'imprecise' : 'precise'].dates];
  return dates.filter((d) => d <= day).length;
}

/** Whether a fact is known on `day`: its first state date lies on or before it (the same as stateIndex > 0). */
export function knownOn(t: Pick<Timeline, 'knownOn' | 'knownFrom'>, day: string, includeImprecise: boolean): boolean {
  return t[AS_OF_PROPERTIES[includeImprecise ? 'imprecise' : 'precise'].first] <= day;
}

/** A fact's state in a scope: whether it counts, its status and its money then. */
export interface FactState {
  readonly known: boolean;
  readonly counts: boolean;
  readonly status: FactStatus | null;
  readonly money: Money;
  readonly optionOpenUntil: string | null;
}

/** Whether a confidence passes a scope's minimum (a fact with none recorded is REPORTED). */
export function confidentEnough(confidence: Confidence | null, minConfidence: Confidence): boolean {
  return CONFIDENCE_RANK[confidence ?? Confidence.REPORTED] >= CONFIDENCE_RANK[minConfidence];
}

/** The state of a stored timeline in a scope: what the Cypher fragments `fact-counts` and `fact-money` compute. */
export function stateAt(t: Timeline, confidence: Confidence | null, scope: FactScope): FactState {
  const n = stateIndex(t, scopeDay(scope), scope.includeImprecise);
  const status = n > 0 ? (t.tlStatus[n] as FactStatus) : null;
  const money: Money = {
    paidUsd: t.tlPaid[n] ?? 0,
    committedUsd: t.tlCommitted[n] ?? 0,
    ceilingUsd: t.tlCeiling[n] ?? 0,
    contractValueUsd: t.tlContract[n] ?? 0,
    stakeValueUsd: t.tlStake[n] ?? 0,
    undisclosedCount: n > 0 && t.undisclosed ? 1 : 0,
  };
  const counts = n > 0 && status !== null && scope.statuses.includes(status) && confidentEnough(confidence, scope.minConfidence);
  return { known: n > 0, counts, status, money, optionOpenUntil: t.tlOptionUntil[n] || null };
}
