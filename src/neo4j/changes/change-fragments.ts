import { FACTS } from '../../facts/registry';
import type { CypherCatalog } from '../cypher-catalog';
import { identifier } from '../facts/cypher-text';
import { appendChanges, factChange, factImage } from './change-log-cypher';

/**
 * The change log's fragments for hand-written statements: `{{> append-changes list}}` (log the entries of a list,
 * see appendChanges) and `{{> fact-removal f}}` (the entry for removing a fact of any type, with its whole image).
 */
export function defineChangeFragments(catalog: CypherCatalog): void {
  catalog.define('append-changes', (list) => appendChanges(identifier(list)));
  catalog.define('fact-removal', (variable) => {
    const f = identifier(variable);
    return `CASE ${FACTS.map((definition) => `WHEN ${f}:${identifier(definition.name)} THEN ${factChange(definition, `${f}.id`, factImage(definition, f), 'null')}`).join(' ')} END`;
  });
}
