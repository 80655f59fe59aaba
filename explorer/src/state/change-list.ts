// The changes panel's list: changes from pages of the log and from the live feed merged into one list, newest first,
// each once (by seq), however often the feed replays one after a reconnection.

import type { Change } from '../api/types';

/** The most changes the panel keeps listed; past it, the oldest are dropped (and can be asked for again). */
export const MAX_LISTED = 1000;

export interface ChangeList {
  /** Newest (highest seq) first, each seq once. */
  readonly changes: readonly Change[];
  /** Older changes since the day exist beyond the last one listed. */
  readonly more: boolean;
}

export const EMPTY_CHANGE_LIST: ChangeList = Object.freeze({ changes: Object.freeze([]) as readonly Change[], more: false });

function bySeqDescending(changes: Iterable<Change>): Change[] {
  return [...changes].sort((a, b) => b.seq - a.seq);
}

/**
 * The list with changes from the live feed merged in: a seq already listed keeps its row (a replay after a
 * reconnection is the same change), the others go where their seq puts them. Past `limit` the oldest are dropped,
 * and `more` says there are older ones again.
 */
export function mergeChanges(list: ChangeList, incoming: readonly Change[], limit = MAX_LISTED): ChangeList {
  const bySeq = new Map(list.changes.map((change) => [change.seq, change]));
  for (const change of incoming) if (!bySeq.has(change.seq)) bySeq.set(change.seq, change);
  const merged = bySeqDescending(bySeq.values());
  return merged.length > limit ? { changes: merged.slice(0, limit), more: true } : { changes: merged, more: list.more };
}

/** The list with a page of older changes (newest first, as the API answers) after it; `more` is the page's. */
export function appendOlder(list: ChangeList, page: { changes: readonly Change[]; more: boolean }): ChangeList {
  const listed = new Set(list.changes.map((change) => change.seq));
  return { changes: bySeqDescending([...list.changes, ...page.changes.filter((change) => !listed.has(change.seq))]), more: page.more };
}

/** The newest seq listed; null for an empty list. */
export function newestSeq(list: ChangeList): number | null {
  return list.changes[0]?.seq ?? null;
}

/** The oldest seq listed (where the page of older changes starts); null for an empty list. */
export function oldestSeq(list: ChangeList): number | null {
  return list.changes[list.changes.length - 1]?.seq ?? null;
}

function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The sources a change is about: a source's own id for a change to a source, else the sources its fact cites after
 * the change and before it (an update lists them only when they changed), each once.
 */
export function citedSourceIds(change: Change): string[] {
  if (change.entityType === 'Source') return change.entityId ? [change.entityId] : [];
  return [...new Set([...stringsIn(change.after?.sourceIds), ...stringsIn(change.before?.sourceIds)])];
}
