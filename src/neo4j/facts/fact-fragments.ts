import { SOURCE_PROPERTIES } from '../../domain/source';
import { precisionProperty } from '../../facts/fact-record';
import { factType, FACTS } from '../../facts/registry';
import { MONEY_RELATION_KINDS, RELATION_KINDS, type RelationKindSpec } from '../../facts/relation-kinds';
import { refreshRankingsOf } from './ranking-upkeep';
import type { CypherCatalog } from '../cypher-catalog';
import { edgeCounts, factCounts, factCountsAt, factMoney, factMoneyAt, known, moneyHeadline, stateIndex } from './as-of-cypher';
import { groupMembers, topParent } from './roll-up';
import { companyIdentityMap, companyMap, factProjection, identifier } from './cypher-text';

/**
 * Projections hand-written Cypher inserts instead of listing properties by hand (so a field added to a definition
 * reaches every statement): `{{> company-map c}}`, `{{> source-map s}}`, `{{> fact-map Investment i}}`, and `{{> fact-map-any f}}` for a
 * fact of any type.
 */
export function defineFactFragments(catalog: CypherCatalog): void {
  catalog.define('company-map', (variable) => companyMap(variable));
  // `{{> refresh-rankings list}}`: every stored ranking of the companies in a list, recomputed (src/neo4j/facts/ranking-upkeep.ts).
  catalog.define('refresh-rankings', (list) => refreshRankingsOf(identifier(list), [identifier(list)]));
  catalog.define('company-identity-map', (variable) => companyIdentityMap(variable));
  catalog.define('source-map', (variable) => `${identifier(variable)} {${SOURCE_PROPERTIES.map((p) => `.${p}`).join(', ')}}`);
  catalog.define('fact-map', (type, variable) => factProjection(factType(type), identifier(variable)));
  // How a fact stood on $asOfDay, by the rule in src/domain/as-of.ts (stateAt there computes the same index): its
  // timeline entry, whether it is known, whether it counts (entry 0 of tlStatus is "not yet known"; its status is one
  // of $statuses; its confidence high enough) and its money by kind then.
  catalog.define('fact-state-index', (variable) => stateIndex(identifier(variable)));
  catalog.define('fact-known', (variable) => known(identifier(variable)));
  catalog.define('fact-counts', (variable) => factCounts(identifier(variable)));
  // Money by kind of a fact in the request's scope, as [paid, committed, ceiling, contract, stake, undisclosed (0/1)].
  catalog.define('fact-money', (variable) => factMoney(identifier(variable)));
  // Whether a fact counts and its money, with its state index bound once (`WITH f, {{> fact-state-index f}} AS k`):
  // a statement reading thousands of facts computes it once per fact instead of once per use. `money-headline m`: the
  // headline (paid + committed) of one such money list.
  catalog.define('fact-counts-at', (variable, index) => factCountsAt(identifier(variable), identifier(index)));
  catalog.define('fact-money-at', (variable, index) => factMoneyAt(identifier(variable), identifier(index)));
  catalog.define('money-headline', (variable) => moneyHeadline(identifier(variable)));
  // Whether a derived relationship may count in the scope (see SCOPE_PROPERTIES in derived-edges.ts): a summary
  // that only prunes (it passes whenever one of its facts may count), so a traversal skips what cannot count before
  // reading any fact. What counts is decided fact by fact: `edge-holds` after it.
  catalog.define('edge-counts', (variable) => edgeCounts(identifier(variable)));
  // The roll-up rule (src/neo4j/facts/roll-up.ts): a company's group and its top-level parent, when $rollUp.
  catalog.define('group-members', (company, member) => groupMembers(identifier(company), identifier(member)));
  catalog.define('top-parent', (company, top) => topParent(identifier(company), identifier(top)));
  // Whether a derived relationship holds in the scope: at least one of its facts (a per-pair relationship's factIds,
  // a per-fact one's id) counts by itself. `edge-facts` lists those facts, oldest first: what an edge or a step
  // shows (its date, money, count and label) comes from them alone.
  catalog.define('edge-holds', (variable) => `EXISTS { ${edgeFacts(identifier(variable))} }`);
  catalog.define('edge-facts', (variable) => `COLLECT { ${edgeFacts(identifier(variable))} RETURN held ORDER BY ${factDate('held')}, held.id }`);
  // A fact's main date (its definition's dateField) and that date's precision, whatever its type.
  catalog.define('fact-date', (variable) => factDate(identifier(variable)));
  catalog.define('fact-date-precision', (variable) => factDate(identifier(variable), precisionProperty));
  // A cheaper superset for a traversal's candidates whose facts are checked one by one afterwards (two-sided
  // backers' investments, a loop's steps): the first date and the confidence. Whether every fact of a pair ended is
  // left to that check, so a hub's thousands of relationships are not read twice.
  catalog.define('edge-may-count', (variable) => {
    const v = identifier(variable);
    return `(${known(v)} AND ($minConfidenceRank = 0 OR ${v}.confidenceRank >= $minConfidenceRank))`;
  });
  defineRelationFragments(catalog);
  catalog.define(
    'fact-map-any',
    (variable) => `CASE ${FACTS.map((definition) => `WHEN ${identifier(variable)}:${identifier(definition.name)} THEN ${factProjection(definition, identifier(variable))}`).join(' ')} END`,
  );
}

/** Relationship types as a pattern's alternatives: `INVESTED_IN|SUPPLIES_COMPUTE`. */
const alternatives = (kinds: readonly RelationKindSpec[]) => kinds.map((spec) => identifier(spec.kind)).join('|');

/**
 * The relation kinds in Cypher, from src/facts/relation-kinds.ts (so a fact type with a derived relationship is walked
 * with no Cypher edit): `[r:{{> relation-types}}]` every kind traversals walk, `[r:{{> money-relation-types}}]` those
 * a money loop steps along, `{{> money-step r x y}}` whether money flows from x to y along r (the payer is the
 * relationship's start, or its end for a kind walked against its direction), `{{> money-out s}}` / `{{> money-in s}}`
 * whether money can leave / reach s along some relationship, `{{> investment-relation r}}` whether r is an investment
 * (a loop needs one), and `{{> edge-properties r}}` the properties a per-fact relationship copies from its fact.
 */
function defineRelationFragments(catalog: CypherCatalog): void {
  const payerFrom = MONEY_RELATION_KINDS.filter((spec) => spec.moneyFlow?.payer === 'from');
  const payerTo = MONEY_RELATION_KINDS.filter((spec) => spec.moneyFlow?.payer === 'to');
  const investments = MONEY_RELATION_KINDS.filter((spec) => spec.moneyFlow?.kind === 'INVESTMENT');
  const types = (kinds: readonly RelationKindSpec[]) => kinds.map((spec) => `'${identifier(spec.kind)}'`);
  const anyOf = (parts: string[]) => (parts.length === 0 ? 'false' : `(${parts.join(' OR ')})`);
  catalog.define('relation-types', () => alternatives(RELATION_KINDS));
  catalog.define('money-relation-types', () => alternatives(MONEY_RELATION_KINDS));
  catalog.define('money-step', (rel, x, y) => {
    const [r, from, to] = [identifier(rel), identifier(x), identifier(y)];
    if (payerTo.length === 0) return `startNode(${r}) = ${from}`;
    return `CASE type(${r}) ${types(payerTo).map((type) => `WHEN ${type} THEN startNode(${r}) = ${to}`).join(' ')} ELSE startNode(${r}) = ${from} END`;
  });
  catalog.define('money-out', (variable) => {
    const v = identifier(variable);
    return anyOf([...(payerFrom.length ? [`EXISTS { (${v})-[:${alternatives(payerFrom)}]->() }`] : []), ...(payerTo.length ? [`EXISTS { (${v})<-[:${alternatives(payerTo)}]-() }`] : [])]);
  });
  catalog.define('money-in', (variable) => {
    const v = identifier(variable);
    return anyOf([...(payerFrom.length ? [`EXISTS { (${v})<-[:${alternatives(payerFrom)}]-() }`] : []), ...(payerTo.length ? [`EXISTS { (${v})-[:${alternatives(payerTo)}]->() }`] : [])]);
  });
  catalog.define('investment-relation', (variable) => {
    const v = identifier(variable);
    if (investments.length === 0) return 'false';
    return investments.length === 1 ? `type(${v}) = ${types(investments)[0]}` : `type(${v}) IN [${types(investments).join(', ')}]`;
  });
  // Whether a search along money relationships checks `edge-may-count` on each relationship as it expands (else only
  // on what it finds): when some money fact is dated (its definition's dateField: when it became known) after $asOf,
  // so on that day many relationships are not known yet, or when a confidence is asked for. With no asOf (today)
  // nearly every relationship is known, and reading the date of each one a whole-graph loop scan expands made it 1.2x
  // slower for nothing. One index seek per money fact type, whichever way it answers.
  catalog.define('prune-early', () => {
    const dated = MONEY_RELATION_KINDS.map(({ definition }) => `EXISTS { MATCH (dated:${identifier(definition.name)}) WHERE dated.${identifier(definition.dateField)} > $asOf }`);
    return anyOf([...dated, '$minConfidenceRank > 0']);
  });
  catalog.define('edge-properties', (variable) => {
    const v = identifier(variable);
    const copied = RELATION_KINDS.filter((spec) => !spec.perPair && (spec.derived.properties ?? []).length > 0);
    if (copied.length === 0) return '{}';
    const map = (spec: RelationKindSpec) => `{${(spec.derived.properties ?? []).map((p) => `${identifier(p)}: ${v}.${identifier(p)}`).join(', ')}}`;
    return `CASE type(${v}) ${copied.map((spec) => `WHEN '${identifier(spec.kind)}' THEN ${map(spec)}`).join(' ')} ELSE {} END`;
  });
}

/** The facts of derived relationship `v` that count in the scope, bound to `held` (a MATCH ... WHERE, no RETURN). */
function edgeFacts(v: string): string {
  return `MATCH (held:Fact) WHERE held.id IN coalesce(${v}.factIds, [${v}.id]) AND ${factCounts('held')}`;
}

/** The main date of fact `v` (or another property named from it), by its type's definition. */
function factDate(v: string, property: (dateField: string) => string = (name) => name): string {
  return `CASE ${FACTS.map((d) => `WHEN ${v}:${identifier(d.name)} THEN ${v}.${identifier(property(d.dateField))}`).join(' ')} END`;
}
