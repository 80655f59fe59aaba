import { knownOn, stateIndex } from '../domain/as-of';
import { lifecycle, timeline, type FactEvent, type Timeline } from '../domain/lifecycle';
import { endOfPeriod, type PartialDate } from '../domain/partial-date';
import type { FactDefinition } from '../facts/fact-definition';
import { lifecycleFieldsOf } from '../facts/fact-lifecycle';
import type { FactRecord } from '../facts/fact-record';

/** How a fact known on the as-of day is exported. */
export interface FactAsOf {
  readonly fact: FactRecord;
  /**
   * Kept whole although it has events or dates after the day, because leaving them out would change how the fact
   * stood on the day (see factAsOf).
   */
  readonly keptWhole: boolean;
}

/** The arrays of a timeline that say how the fact stands at each of its states. */
const STATE_ARRAYS = ['tlStatus', 'tlPaid', 'tlCommitted', 'tlCeiling', 'tlContract', 'tlStake', 'tlOptionUntil'] as const;

/** Whether two timelines read the same at every date up to `day`: same first `known` events, same states after them. */
function sameUpTo(a: Timeline, b: Timeline, known: number, day: string): boolean {
  const endedBy = (t: Timeline) => (t.endedKnown !== null && t.endedKnown <= day ? t.endedKnown : null);
  const same = (x: readonly unknown[], y: readonly unknown[], n: number) => n <= x.length && n <= y.length && x.slice(0, n).every((value, i) => value === y[i]);
  return (
    same(a.tlFrom, b.tlFrom, known) &&
    same(a.tlKnown, b.tlKnown, known) &&
    stateIndex(b, day, false) === known &&
    STATE_ARRAYS.every((name) => same(a[name], b[name], known + 1)) &&
    a.undisclosed === b.undisclosed &&
    endedBy(a) === endedBy(b)
  );
}

/**
 * A fact as it stood on `day` (an ISO day, the end of the --as-of period), or null when it was not yet known then.
 *
 * Known means what `asOf` means everywhere in the project (state.known, the analytics' scope): the period of its
 * first event has ended by the day, so a fact dated "2024-03" is known as of 2024-03-31, not 2024-03-15. A known fact
 * keeps its fields as recorded, except that
 * - its events that came after the day are left out (those the timeline counts only after the day: an event counts
 *   once it and every earlier one are certain), with the sources only they cite;
 * - its dates reported after the fact (`notInFuture`: a close, a subsidiary's since, other than the date it is known
 *   by) are cleared when their period ends after the day.
 * Dates that can be scheduled ahead (a compute deal's startsOn and endsOn), amounts, status and notes stay as
 * recorded: the graph keeps no earlier versions of a record. When leaving the later events or dates out would change
 * how the fact stood on any date up to the day (a fact whose money comes only from later events, say, would fall
 * back to its headline amount), the fact is kept whole instead, so an export as of a day answers every question up
 * to that day exactly as the database does.
 */
export function factAsOf(definition: FactDefinition, fact: FactRecord, day: string): FactAsOf | null {
  const fields = lifecycleFieldsOf(definition, fact);
  const original = timeline(fields);
  if (!knownOn(original, day, false)) return null;
  const history = lifecycle(fields);
  const known = stateIndex(original, day, false);
  if (known === history.length) {
    const laterDates = definition.fields.some((f) => f.kind === 'date' && f.notInFuture && fact[f.name] && endOfPeriod(fact[f.name] as PartialDate) > day);
    if (!laterDates) return { fact, keptWhole: false };
  }

  const keptEvents = new Set(history.slice(0, known).filter((entry) => !entry.derived).map((entry) => entry.event));
  const events = (fact.events as FactEvent[] | null) ?? [];
  const kept = events.filter((event) => keptEvents.has(event));
  const dropped = events.filter((event) => !keptEvents.has(event));
  const candidate: Record<string, unknown> = { ...fact, events: kept };
  for (const field of definition.fields) {
    const value = fact[field.name] as PartialDate | null;
    if (field.kind !== 'date' || !field.notInFuture || field.required || field.name === definition.dateField || !value) continue;
    if (endOfPeriod(value) > day) candidate[field.name] = null;
  }
  if (!sameUpTo(original, timeline(lifecycleFieldsOf(definition, candidate)), known, day)) return { fact, keptWhole: true };

  // The sources only the left-out events cite go with them (a fact keeps at least the sources it had otherwise).
  const stillCited = new Set(kept.flatMap((event) => event.sourceIds ?? []));
  const onlyLater = new Set(dropped.flatMap((event) => event.sourceIds ?? []).filter((id) => !stillCited.has(id)));
  const sourceIds = fact.sourceIds.filter((id) => !onlyLater.has(id));
  candidate.sourceIds = sourceIds.length > 0 ? sourceIds : fact.sourceIds;
  return { fact: candidate as FactRecord, keptWhole: false };
}
