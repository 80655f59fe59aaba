import { STORED_TIMELINE_PROPERTIES, timeline, type FactEvent } from '../domain/lifecycle';
import { formatPartialDate, parsePartialDate, storedDate, type PartialDate } from '../domain/partial-date';
import { lifecycleFieldsOf, lifecycleProps } from './fact-lifecycle';
import type { FactDefinition, FieldSpec, PartySpec } from './fact-definition';

/**
 * A fact as plain values: its id, each party's company id under the party's input field (`investorId`, or
 * `companyIds` for a pair, sorted), each field (dates as PartialDate), each link's id, and the sources it cites.
 */
export type FactRecord = { readonly id: string; readonly sourceIds: readonly string[] } & Readonly<Record<string, unknown>>;

type FieldValue<F> = F extends { readonly kind: 'text' }
  ? string
  : F extends { readonly kind: 'usd' | 'number' }
    ? number
    : F extends { readonly kind: 'date' }
      ? PartialDate
      : F extends { readonly kind: 'enum'; readonly enumType: infer E }
        ? E[keyof E]
        : F extends { readonly kind: 'events' }
          ? readonly FactEvent[]
          : never;
type FieldEntry<F> = F extends { readonly name: infer N extends string } ? { readonly [K in N]: F extends { readonly required: true } ? FieldValue<F> : FieldValue<F> | null } : never;
type PartyEntry<P> = P extends { readonly idField: infer N extends string; readonly pair: true }
  ? { readonly [K in N]: readonly string[] }
  : P extends { readonly idField: infer N extends string; readonly many: true }
  ? { readonly [K in N]: readonly string[] }
  : P extends { readonly idField: infer N extends string }
    ? { readonly [K in N]: string }
    : never;
type LinkEntry<L> = L extends { readonly idField: infer N extends string } ? { readonly [K in N]: string | null } : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * The record of one fact type, typed from its definition (declared `as const`): `RecordOf<typeof INVESTMENT>` has
 * `investorId: string`, `amountUsd: number | null`, `status: InvestmentStatus`... without a second list of fields.
 */
export type RecordOf<D extends { readonly fields: readonly unknown[]; readonly parties: readonly unknown[]; readonly links?: readonly unknown[] }> = {
  readonly id: string;
  readonly sourceIds: readonly string[];
} & Intersection<FieldEntry<D['fields'][number]>> &
  Intersection<PartyEntry<D['parties'][number]>> &
  (D['links'] extends readonly unknown[] ? Intersection<LinkEntry<D['links'][number]>> : unknown);

/** Stored property holding a date field's precision: announcedOn -> announcedPrecision, since -> sincePrecision. */
export function precisionProperty(field: string): string {
  return `${field.replace(/On$/, '')}Precision`;
}

/**
 * Properties every fact stores beside its fields, derived from them: its timeline as the arrays Cypher filters on and
 * its confidence rank. The timeline is stored once: a read derives it again from the fields it projects anyway
 * (toFactRecord), with the function that derived the stored arrays.
 */
export const LIFECYCLE_PROPERTIES = [...STORED_TIMELINE_PROPERTIES, 'confidenceRank'] as const;

/**
 * Properties facts once stored and no longer do: the timeline's JSON copy (migration 012 removed it). A change image
 * written before then still holds it, so a restore from one removes it again.
 */
export const RETIRED_FACT_PROPERTIES = ['timeline'] as const;

/** The properties one field is stored in (a date is two: its day and its precision). */
export function fieldProperties(field: FieldSpec): string[] {
  return field.kind === 'date' ? [field.name, precisionProperty(field.name)] : [field.name];
}

/**
 * The properties a fact stores from its input, in definition order: what a whole read projects (its timeline derives
 * from them).
 */
export function inputProperties(definition: FactDefinition): string[] {
  return definition.fields.flatMap(fieldProperties);
}

/** Events as stored: one JSON text (a list of maps is no Neo4j property), dates at their precision; null when none. */
function eventsText(events: readonly FactEvent[] | null | undefined): string | null {
  if (!events || events.length === 0) return null;
  return JSON.stringify(
    events.map((e) => ({
      kind: e.kind,
      on: formatPartialDate(e.on),
      amountUsd: e.amountUsd ?? null,
      ceilingUsd: e.ceilingUsd ?? null,
      deadline: e.deadline ? formatPartialDate(e.deadline) : null,
      note: e.note ?? null,
      sourceIds: [...(e.sourceIds ?? [])],
    })),
  );
}

function parseEvents(text: unknown): FactEvent[] {
  if (typeof text !== 'string') return [];
  return (JSON.parse(text) as Record<string, unknown>[]).map((e) => ({
    ...(e as unknown as FactEvent),
    on: parsePartialDate(e.on),
    deadline: e.deadline ? parsePartialDate(e.deadline) : null,
  }));
}

/** The value a field stores: a date as its first day (a Date parameter is made by the caller) plus its precision. */
function storedField(field: FieldSpec, value: unknown): Record<string, unknown> {
  if (field.kind === 'date') {
    const date = value as PartialDate | null;
    return { [field.name]: date?.start ?? null, [precisionProperty(field.name)]: date?.precision ?? null };
  }
  if (field.kind === 'events') return { [field.name]: eventsText(value as FactEvent[] | null) };
  return { [field.name]: value ?? null };
}

/**
 * Stored properties for a write. Recording sets every field (an omitted optional field is cleared, an omitted enum
 * takes its default); updating sets only the fields given (null clears). Dates are ISO days here; the repository
 * turns them into Neo4j DATEs.
 */
export function storedProps(definition: FactDefinition, input: Readonly<Record<string, unknown>>, mode: 'record' | 'update'): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const field of definition.fields) {
    const given = input[field.name];
    if (mode === 'update' && given === undefined) continue;
    Object.assign(props, storedField(field, given === undefined ? (field.defaultValue ?? null) : given));
  }
  // An update gives the merged values when it touches the fact's life (the repository reads them first).
  if (mode === 'record') Object.assign(props, lifecycleProps(definition, input));
  return props;
}

/** One party's company ids: a single id, a pair (sorted), or a list (sorted, without repeats; none given is none). */
function idsOf(party: PartySpec, input: Readonly<Record<string, unknown>>): string[] {
  if (party.many) return [...new Set((input[party.idField] as string[] | null | undefined) ?? [])].sort();
  return party.pair ? [...(input[party.idField] as string[])].sort() : [input[party.idField] as string];
}

/** The company ids of a fact's parties, in definition order. */
export function partyIds(definition: FactDefinition, input: Readonly<Record<string, unknown>>): string[] {
  return definition.parties.flatMap((party) => idsOf(party, input));
}

/** The parties as the write statement takes them: role -> company id (or the ids of a pair or a list). */
export function partiesParam(definition: FactDefinition, input: Readonly<Record<string, unknown>>): Record<string, string | string[]> {
  return Object.fromEntries(definition.parties.map((party) => [party.role, party.pair || party.many ? idsOf(party, input) : (input[party.idField] as string)]));
}

/**
 * Reads a projected fact map (see cypher-text's factProjection) back into a record. A whole one carries its timeline
 * under `timeline`, derived from its fields as recording derived the stored arrays; a core one (see FactDetail) holds
 * too few fields for it and is never asked its state, and a caller that reads only the fields passes false too.
 */
export function toFactRecord(definition: FactDefinition, row: unknown, withTimeline = true): FactRecord {
  const map = row as Record<string, unknown>;
  const out: Record<string, unknown> = { id: map.id, sourceIds: (map.sourceIds as string[] | null) ?? [] };
  for (const party of definition.parties) out[party.idField] = partyValue(party, map[party.idField]);
  for (const field of definition.fields) {
    if (field.kind === 'events') out[field.name] = parseEvents(map[field.name]);
    else out[field.name] = field.kind === 'date' ? storedDate(map[field.name], map[precisionProperty(field.name)]) : (map[field.name] ?? null);
  }
  for (const link of definition.links ?? []) out[link.idField] = map[link.idField] ?? null;
  if (withTimeline) out.timeline = timeline(lifecycleFieldsOf(definition, out));
  return out as FactRecord;
}

function partyValue(party: PartySpec, value: unknown): unknown {
  return party.pair || party.many ? [...((value as string[] | null) ?? [])].sort() : value;
}

/** The company ids a record's parties hold (to prime the company loader, or to name the other side). */
export function recordPartyIds(definition: FactDefinition, record: FactRecord): string[] {
  return definition.parties.flatMap((party) => (party.pair || party.many ? [...(record[party.idField] as string[])] : [record[party.idField] as string]));
}
