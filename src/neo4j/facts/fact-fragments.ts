import { MONEY_SLOTS } from '../../domain/lifecycle';
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
  // Whether a fact counts in the request's scope: its state at $asOfDay (entry 0 of tlStatus is "not yet known") has
  // one of $statuses, and its confidence is high enough. The same index as stateAt() in src/domain/lifecycle.ts.
  catalog.define('fact-counts', (variable) => {
    const v = identifier(variable);
    return `(${v}.tlStatus[size([d IN CASE WHEN $includeImprecise THEN ${v}.tlFrom ELSE ${v}.tlKnown END WHERE d <= $asOfDay])] IN $statuses AND ($minConfidenceRank = 0 OR ${v}.confidenceRank >= $minConfidenceRank))`;
  });
  // Money by kind of a fact in the request's scope, as [paid, committed, ceiling, contract, stake, undisclosed (0/1)].
  catalog.define('fact-money', (variable) => {
    const v = identifier(variable);
    const n = `size([d IN CASE WHEN $includeImprecise THEN ${v}.tlFrom ELSE ${v}.tlKnown END WHERE d <= $asOfDay])`;
    return `[k IN [${n}] | ${v}.tlMoney[(k * ${MONEY_SLOTS})..((k + 1) * ${MONEY_SLOTS})]][0]`;
  });
  // Whether a derived relationship may count in the scope (see SCOPE_PROPERTIES in derived-edges.ts). The parameter
  // tests come first so the common case (today, any confidence) reads no property for them.
  catalog.define('edge-counts', (variable) => {
    const v = identifier(variable);
    return `(($asOf IS NULL OR (CASE WHEN $includeImprecise THEN ${v}.knownFrom ELSE ${v}.knownOn END) <= $asOfDay) AND ($keepEnded OR ${v}.endedKnown IS NULL OR ${v}.endedKnown > $asOfDay) AND ($minConfidenceRank = 0 OR ${v}.confidenceRank >= $minConfidenceRank))`;
  });
  // A cheaper superset for a traversal's candidates whose facts are checked one by one afterwards (two-sided
  // backers' investments, a loop's steps): only what costs no property read by default (today, any confidence).
  // Whether every fact of a pair ended is left to that check, so a hub's thousands of relationships are not read.
  catalog.define('edge-may-count', (variable) => {
    const v = identifier(variable);
    return `(($asOf IS NULL OR ${v}.knownFrom <= $asOfDay) AND ($minConfidenceRank = 0 OR ${v}.confidenceRank >= $minConfidenceRank))`;
  });
  catalog.define(
    'fact-map-any',
    (variable) => `CASE ${FACTS.map((definition) => `WHEN ${identifier(variable)}:${identifier(definition.name)} THEN ${factProjection(definition, identifier(variable))}`).join(' ')} END`,
  );
}
