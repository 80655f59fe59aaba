import { toCompanyRecord } from '../domain/company';
import type { FactEvent } from '../domain/lifecycle';
import { formatPartialDate, type PartialDate } from '../domain/partial-date';
import { toSourceRecord } from '../domain/source';
import type { FactDefinition } from './fact-definition';
import type { FactRecord } from './fact-record';

// Records as the dataset file holds them (data/seed/dataset.schema.json): what every export format writes, and how
// the change log shows an entity's before and after.

/** One record of a dataset section, as the file holds it. */
export type DatasetRecord = Readonly<Record<string, unknown>> & { readonly id: string };

/** Leaves out what the file would only spell as null or an empty list, as the curated seed does. */
function compact(record: Record<string, unknown>, keep: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => keep.includes(key) || (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))));
}

const formatted = (date: PartialDate | null | undefined) => (date ? formatPartialDate(date) : null);

/** A stored company map (see the company-map fragment) as a dataset record: founded is written as its year text. */
export function companyDatasetRecord(row: unknown): DatasetRecord {
  const company = toCompanyRecord(row);
  return compact({ ...company, founded: company.founded === null ? null : String(company.founded) }) as DatasetRecord;
}

/** A stored source map (see the source-map fragment) as a dataset record. */
export function sourceDatasetRecord(row: unknown): DatasetRecord {
  const source = toSourceRecord(row);
  return compact({ ...source, publishedOn: formatted(source.publishedOn) }) as DatasetRecord;
}

function eventRecord(event: FactEvent): Record<string, unknown> {
  return compact({ ...event, on: formatPartialDate(event.on), deadline: formatted(event.deadline) });
}

/**
 * A fact read with toFactRecord as the record the dataset holds: parties by their id fields, fields (dates at their
 * precision, events in the file's form), links, and every source it cites (those of its events included, as the
 * import derives them again).
 */
export function factDatasetRecord(definition: FactDefinition, fact: FactRecord): DatasetRecord {
  const out: Record<string, unknown> = { id: fact.id };
  for (const party of definition.parties) out[party.idField] = fact[party.idField];
  for (const field of definition.fields) {
    const value = fact[field.name];
    if (field.kind === 'date') out[field.name] = formatted(value as PartialDate | null);
    else if (field.kind === 'events') out[field.name] = ((value as FactEvent[] | null) ?? []).map(eventRecord);
    else out[field.name] = value;
  }
  for (const link of definition.links ?? []) out[link.idField] = fact[link.idField];
  out.sourceIds = [...fact.sourceIds].sort();
  return compact(out, ['sourceIds']) as DatasetRecord;
}
