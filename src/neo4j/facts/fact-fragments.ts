import { SOURCE_PROPERTIES } from '../../domain/source';
import { factType, FACTS } from '../../facts/registry';
import type { CypherCatalog } from '../cypher-catalog';
import { companyMap, factProjection, identifier } from './cypher-text';

/**
 * Projections hand-written Cypher inserts instead of listing properties by hand (so a field added to a definition
 * reaches every statement): `{{> company-map c}}`, `{{> source-map s}}`, `{{> fact-map Investment i}}`, and `{{> fact-map-any f}}` for a
 * fact of any type.
 */
export function defineFactFragments(catalog: CypherCatalog): void {
  catalog.define('company-map', (variable) => companyMap(variable));
  catalog.define('source-map', (variable) => `${identifier(variable)} {${SOURCE_PROPERTIES.map((p) => `.${p}`).join(', ')}}`);
  catalog.define('fact-map', (type, variable) => factProjection(factType(type), identifier(variable)));
  catalog.define(
    'fact-map-any',
    (variable) => `CASE ${FACTS.map((definition) => `WHEN ${identifier(variable)}:${identifier(definition.name)} THEN ${factProjection(definition, identifier(variable))}`).join(' ')} END`,
  );
}
