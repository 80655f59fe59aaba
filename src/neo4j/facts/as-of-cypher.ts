import { AS_OF_PROPERTIES } from '../../domain/as-of';
import { HEADLINE_SLOTS, MONEY_SLOTS } from '../../domain/lifecycle';

// The Cypher side of the as-of rule in src/domain/as-of.ts, over the same stored properties: every statement that
// reads how a fact stood on a date uses these (through the catalog's fact-* and edge-* fragments, or directly in
// generated statements). Params read: $asOfDay (ISO day), $includeImprecise, $statuses, $minConfidenceRank.
const { precise, imprecise } = AS_OF_PROPERTIES;

/** The timeline entry of fact `v` on $asOfDay (see stateIndex in src/domain/as-of.ts). */
export function stateIndex(v: string): string {
  return `size([d IN CASE WHEN $includeImprecise THEN ${v}.${imprecise.dates} ELSE ${v}.${precise.dates} END WHERE d <= $asOfDay])`;
}

/** Whether fact `v` is known on $asOfDay: its first state date is on or before it (see knownOn in src/domain/as-of.ts). */
export function known(v: string): string {
  return `(CASE WHEN $includeImprecise THEN ${v}.${imprecise.first} ELSE ${v}.${precise.first} END <= $asOfDay)`;
}

/** Whether fact `v` counts in the request's scope: its status on $asOfDay is one of $statuses, its confidence high enough. */
export function factCounts(v: string): string {
  return factCountsAt(v, stateIndex(v));
}

/** Where a fragment takes the scope's statuses and lowest confidence from: the request's parameters, or literals. */
export interface ScopeText {
  readonly statuses: string;
  readonly minConfidenceRank: string;
}

const SCOPE_PARAMS: ScopeText = { statuses: '$statuses', minConfidenceRank: '$minConfidenceRank' };

/**
 * factCounts with the fact's state index already at hand (`index`: a variable holding stateIndex, read once);
 * `scope` gives the statuses and confidence as literals where a statement has no request (the stored rankings).
 */
export function factCountsAt(v: string, index: string, scope: ScopeText = SCOPE_PARAMS): string {
  return `(${v}.tlStatus[${index}] IN ${scope.statuses} AND (${scope.minConfidenceRank} = 0 OR ${v}.confidenceRank >= ${scope.minConfidenceRank}))`;
}

/**
 * Money by kind of fact `v` on $asOfDay, as [paid, committed, ceiling, contract, stake, undisclosed (0/1)]: the slice
 * of its flattened timeline money at its state index (see stateAt in src/domain/as-of.ts).
 */
export function factMoney(v: string): string {
  return `[k IN [${stateIndex(v)}] | ${factMoneyAt(v, 'k')}][0]`;
}

/** factMoney with the fact's state index already at hand (`index`: a variable holding stateIndex). */
export function factMoneyAt(v: string, index: string): string {
  return `${v}.tlMoney[(${index} * ${MONEY_SLOTS})..((${index} + 1) * ${MONEY_SLOTS})]`;
}

/** The headline (paid + committed) of `money`, one fact's money by kind as factMoney lists it. */
export function moneyHeadline(money: string): string {
  return HEADLINE_SLOTS.map((slot) => `${money}[${slot}]`).join(' + ');
}

/**
 * Whether derived relationship `v` may count in the scope (see SCOPE_PROPERTIES in derived-edges.ts): a summary that
 * only prunes (it passes whenever one of its facts may count). Params also $keepEnded.
 */
export function edgeCounts(v: string): string {
  return `(${known(v)} AND ($keepEnded OR ${v}.endedKnown IS NULL OR ${v}.endedKnown > $asOfDay) AND ($minConfidenceRank = 0 OR ${v}.confidenceRank >= $minConfidenceRank))`;
}
