import type { AmountKind } from '../domain/enums';
import { sumMoney, type Money } from '../domain/money';
import { defaultScope, stateAt, type FactScope, type FactState } from '../domain/as-of';
import { CONFIDENCE_RANK, Confidence, storedTimeline, timeline, type FactEvent, type LifecycleFields, type Timeline } from '../domain/lifecycle';
import type { PartialDate } from '../domain/partial-date';
import { isDebt } from '../domain/debt';
import type { FactDefinition } from './fact-definition';

// A fact's life read from its fields by name: the definition's date field is its announcement, and the fields every
// type with them shares (amountUsd or valueUsd with amountKind, status, closedOn, startsOn, endsOn, events, and the
// instrument, whose DEBT keeps the money out of the headline).

/** The amount field of a definition: the usd field its amountKind is given with. */
export function amountField(definition: FactDefinition): string | null {
  return definition.fields.find((field) => field.name === 'amountKind')?.presentWith ?? null;
}

const has = (definition: FactDefinition, name: string) => definition.fields.some((field) => field.name === name);

/** The lifecycle inputs of a fact's field values (dates as PartialDate). */
export function lifecycleFieldsOf(definition: FactDefinition, values: Readonly<Record<string, unknown>>): LifecycleFields {
  const amount = amountField(definition);
  const date = (name: string) => (has(definition, name) ? ((values[name] as PartialDate | null | undefined) ?? null) : null);
  return {
    announcedOn: (values[definition.dateField] as PartialDate | null | undefined) ?? null,
    amountUsd: amount ? ((values[amount] as number | null | undefined) ?? null) : null,
    amountKind: amount ? ((values.amountKind as AmountKind | null | undefined) ?? null) : null,
    status: has(definition, 'status') ? ((values.status as string | null | undefined) ?? null) : null,
    closedOn: date('closedOn'),
    startsOn: date('startsOn'),
    endsOn: date('endsOn'),
    events: (values.events as FactEvent[] | null | undefined) ?? [],
    debt: has(definition, 'instrument') && isDebt(values.instrument),
  };
}

/** The fields whose change changes a fact's life: a partial update of any of them re-derives the stored timeline. */
export function lifecycleInputFields(definition: FactDefinition): string[] {
  const amount = amountField(definition);
  return [definition.dateField, ...(amount ? [amount, 'amountKind'] : []), 'status', 'closedOn', 'startsOn', 'endsOn', 'events', 'confidence', 'instrument'].filter((name) => has(definition, name));
}

/** The properties a fact stores for analytics beside its fields: its timeline and its confidence as a rank. */
export function lifecycleProps(definition: FactDefinition, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const confidence = (values.confidence as Confidence | null | undefined) ?? Confidence.REPORTED;
  const t = timeline(lifecycleFieldsOf(definition, values));
  return { ...storedTimeline(t), confidenceRank: CONFIDENCE_RANK[confidence] };
}

/** A read record's state in a scope (a whole record carries its timeline under `timeline`, see toFactRecord). */
export function factState(record: Readonly<Record<string, unknown>>, scope: FactScope): FactState {
  return stateAt(record.timeline as Timeline, (record.confidence as Confidence | null) ?? null, scope);
}

/** A record with the scope it was read in attached, so its `state` and money default to that scope's date. */
export function inScope<T extends object>(record: T, scope: FactScope): T {
  return Object.assign(record, { scope });
}

/** The scope a record was read in (analytics and Company fact lists attach theirs), else today's default. */
export function scopeOfRecord(record: Readonly<Record<string, unknown>>): FactScope {
  return (record.scope as FactScope | undefined) ?? defaultScope();
}

/** A record's money in the scope it was read in. */
export function factMoney(record: Readonly<Record<string, unknown>>): Money {
  return factState(record, scopeOfRecord(record)).money;
}

/** The money of several records, kind by kind. */
export function moneyOfFacts(records: readonly Readonly<Record<string, unknown>>[]): Money {
  return sumMoney(records.map(factMoney));
}

/** The sources a fact cites: those given, and every source of its events (an event's sources are the fact's too). */
export function citedSourceIds(values: Readonly<Record<string, unknown>>, given: readonly string[]): string[] {
  const events = (values.events as FactEvent[] | null | undefined) ?? [];
  return [...new Set([...given, ...events.flatMap((event) => event.sourceIds ?? [])])];
}
