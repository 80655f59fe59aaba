import type { FactDefinition } from '../facts/fact-definition';
import { FACTS } from '../facts/registry';
import { known } from '../neo4j/facts/as-of-cypher';
import { factProjection, identifier } from '../neo4j/facts/cypher-text';

// Export statements generated from the fact definitions (labels cannot be parameters): a keyset page of one type, and
// the count of every type. Values travel as parameters.

/**
 * One keyset page of a fact type in id order, known on $asOfDay by the as-of rule (null: all), with the ids and URLs of the sources each
 * cites. The type's id constraint serves the order and stops the scan at the limit.
 * Params: $after ('' for the first page), $limit, $asOfDay, $includeImprecise. Returns: fact (the fact-map projection), citations.
 */
export function factPageStatement(definition: FactDefinition): string {
  const label = identifier(definition.name);
  return [
    `// Export: a page of ${label} facts in id order, known on $asOfDay (generated). Params: $after, $limit, $asOfDay, $includeImprecise.`,
    `MATCH (f:${label})`,
    `WHERE f.id > $after AND ($asOfDay IS NULL OR ${known('f')})`,
    'WITH f',
    'ORDER BY f.id',
    'LIMIT $limit',
    `RETURN ${factProjection(definition, 'f')} AS fact, [(f)-[:CITES]->(s:Source) | s {.id, .url}] AS citations`,
  ].join('\n');
}

/** The number of facts of every type, from the count store. Params: none. Returns: one column per type name. */
export function factCountsStatement(definitions: readonly FactDefinition[] = FACTS): string {
  const calls = definitions.map((definition) => `CALL () {\n  MATCH (f:${identifier(definition.name)})\n  RETURN count(f) AS ${identifier(definition.name)}\n}`);
  return [`// Export: facts of each type (generated). Params: none.`, ...calls, `RETURN ${definitions.map((d) => identifier(d.name)).join(', ')}`].join('\n');
}
