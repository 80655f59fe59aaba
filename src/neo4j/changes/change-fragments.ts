import { FACTS } from '../../facts/registry';
import type { CypherCatalog } from '../cypher-catalog';
import { identifier } from '../facts/cypher-text';
import { appendChanges, factChange, factImage, linkChanges, linkedBy } from './change-log-cypher';

/**
 * The change log's fragments for hand-written statements: `{{> append-changes list}}` (log the entries of a list,
 * see appendChanges), `{{> fact-removal f}}` (the entry for removing a fact of any type, with its whole image), and
 * `{{> linked-by facts}}` / `{{> link-changes linked}}` (the facts outside a removed list that lose a link to it).
 */
export function defineChangeFragments(catalog: CypherCatalog): void {
  catalog.define('append-changes', (list) => appendChanges(identifier(list)));
  // `{{> linked-by facts}}` and `{{> link-changes linked}}`: the facts of any type linking to removed ones (see linkedBy).
  catalog.define('linked-by', (list) => linkedBy(identifier(list), null));
  catalog.define('link-changes', (list) => linkChanges(identifier(list), null));
  catalog.define('fact-removal', (variable) => {
    const f = identifier(variable);
    return `CASE ${FACTS.map((definition) => `WHEN ${f}:${identifier(definition.name)} THEN ${factChange(definition, `${f}.id`, factImage(definition, f), 'null')}`).join(' ')} END`;
  });
}
