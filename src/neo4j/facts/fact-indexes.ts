import { AS_OF_PROPERTIES } from '../../domain/as-of';
import type { FactDefinition } from '../../facts/fact-definition';
import type { Database } from '../database';
import { identifier } from './cypher-text';

/**
 * The range indexes a fact type's lists read from: its date, every sort field and every filtered field, on its own
 * label (ids are indexed by their constraints), and the first state dates of the as-of rule. Derived from the
 * definition, so a new list filter brings its index.
 * A per-fact derived relationship is found by its fact's id when the fact is rewritten or removed: unique, indexed.
 */
export function factIndexStatements(definition: FactDefinition): string[] {
  const fields = new Set<string>([definition.dateField, ...definition.list.sorts.map((s) => s.field)]);
  for (const filter of definition.list.filters) if (filter.kind !== 'party') fields.add(filter.field);
  fields.delete('id');
  // The first state dates: the latest of them tells whether every fact is known on a date (totals then filter none).
  for (const read of Object.values(AS_OF_PROPERTIES)) fields.add(read.first);
  const label = identifier(definition.name);
  return [
    `CREATE CONSTRAINT fact_${label.toLowerCase()}_id IF NOT EXISTS FOR (f:${label}) REQUIRE f.id IS UNIQUE`,
    ...[...fields].map((field) => `CREATE INDEX fact_${label.toLowerCase()}_${identifier(field).toLowerCase()} IF NOT EXISTS FOR (f:${label}) ON (f.${identifier(field)})`),
    ...(definition.derived?.grouping === 'perFact'
      ? [`CREATE CONSTRAINT derived_${identifier(definition.derived.type).toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${identifier(definition.derived.type)}]-() REQUIRE r.id IS UNIQUE`]
      : []),
  ];
}

/** Creates every fact type's indexes (idempotent: an index that exists, by name or by schema, is left alone). */
export async function applyFactIndexes(db: Database, definitions: readonly FactDefinition[]): Promise<void> {
  for (const definition of definitions) for (const statement of factIndexStatements(definition)) await db.maintainRows(statement);
}
