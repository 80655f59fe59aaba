import { datasetSchema } from '../seed/dataset-schema';
import type { SectionName } from '../seed/dataset';

// The dataset format's columns per section, for the export formats that need them (CSV one column per property,
// GraphML one key per property). The records themselves are made in src/facts/dataset-records.ts.

/** A property of a section's records, in the order the dataset schema declares them, with its JSON Schema. */
export interface SectionColumn {
  readonly name: string;
  readonly schema: Readonly<Record<string, unknown>>;
}

let schemaCache: Record<string, unknown> | undefined;

/**
 * The properties a record of the section may have, from the generated dataset schema (itself derived from the fact
 * definitions): CSV columns and GraphML keys, never listed by hand.
 */
export function sectionColumns(section: SectionName): SectionColumn[] {
  schemaCache ??= datasetSchema();
  const sections = schemaCache.properties as Record<string, { items: { properties: Record<string, Record<string, unknown>> } }>;
  const items = sections[section]?.items.properties;
  if (!items) throw new Error(`the dataset schema has no section ${section}`);
  return Object.entries(items).map(([name, schema]) => ({ name, schema }));
}
