import type { DerivedEdgeSpec, FactDefinition, PartySpec } from '../../facts/fact-definition';
import { precisionProperty } from '../../facts/fact-record';
import { identifier } from './cypher-text';

/**
 * What every derived relationship carries so a traversal can tell, before reading any fact, whether one counts in a
 * scope (the `edge-counts` fragment): when it is first certainly known (and its period's start), when its ending is
 * certain (null while live), and its confidence rank. A per-fact relationship copies them; a per-pair one summarises
 * its facts (earliest known, latest ending if every fact ended, highest confidence), so it passes whenever one of
 * its facts may count, and the facts themselves are checked where they are read.
 */
export const SCOPE_PROPERTIES = ['knownFrom', 'knownOn', 'endedKnown', 'confidenceRank'] as const;

// The company-to-company relationship a fact type keeps for traversals, written the same way by a single write and
// by the bulk import, and the one list of what it stores (hand-written analytics read only these).

/** Properties a per-pair relationship summarises over all the facts between two companies. */
const PER_PAIR_PROPERTIES = ['factIds', 'firstOn', 'firstPrecision', ...SCOPE_PROPERTIES] as const;

/** Properties a per-fact relationship copies from its fact (a date with its precision). */
export function copiedProperties(definition: FactDefinition): string[] {
  const own = (definition.derived?.properties ?? []).flatMap((name) => {
    const field = definition.fields.find((f) => f.name === name);
    return field?.kind === 'date' ? [name, precisionProperty(name)] : [name];
  });
  return [...own, ...SCOPE_PROPERTIES];
}

/** Every property the derived relationship of a fact type carries. */
export function derivedEdgeProperties(definition: FactDefinition): string[] {
  if (!definition.derived) return [];
  return definition.derived.grouping === 'perPair' ? [...PER_PAIR_PROPERTIES] : ['id', ...copiedProperties(definition)];
}

/**
 * Re-derives the per-pair relationship between the companies `a` and `b` in scope from every fact between them
 * (ids, first date and its precision); the relationship goes with the last fact.
 */
export function refreshPair(definition: FactDefinition): string {
  const derived = definition.derived as DerivedEdgeSpec;
  const date = identifier(definition.dateField);
  const role = (name: string) => {
    const party = definition.parties.find((p) => p.role === name);
    if (!party) throw new Error(`${definition.name}: derived role ${name} is not among its parties`);
    return party as PartySpec;
  };
  const from = role(derived.from);
  const to = role(derived.to);
  const facts = `(a)${from.direction === 'toFact' ? `-[:${identifier(from.rel)}]->` : `<-[:${identifier(from.rel)}]-`}(x:${identifier(definition.name)})${to.direction === 'fromFact' ? `-[:${identifier(to.rel)}]->` : `<-[:${identifier(to.rel)}]-`}(b)`;
  return `CALL (a, b) {
  OPTIONAL MATCH ${facts}
  WITH a, b, x
  ORDER BY x.${date}, x.id
  WITH a, b, collect(x.id) AS factIds, min(x.${date}) AS firstOn, collect(x.${identifier(precisionProperty(definition.dateField))})[0] AS firstPrecision,
       min(x.knownFrom) AS knownFrom, min(x.knownOn) AS knownOn, max(x.confidenceRank) AS confidenceRank,
       CASE WHEN count(x) > 0 AND count(x.endedKnown) = count(x) THEN max(x.endedKnown) END AS endedKnown
  CALL (a, b, factIds, firstOn, firstPrecision, knownFrom, knownOn, confidenceRank, endedKnown) {
    WITH * WHERE size(factIds) > 0
    MERGE (a)-[e:${identifier(derived.type)}]->(b)
    SET e.factIds = factIds, e.firstOn = firstOn, e.firstPrecision = firstPrecision,
        e.knownFrom = knownFrom, e.knownOn = knownOn, e.confidenceRank = confidenceRank, e.endedKnown = endedKnown
  }
  CALL (a, b, factIds) {
    WITH * WHERE size(factIds) = 0
    MATCH (a)-[e:${identifier(derived.type)}]->(b)
    DELETE e
  }
}`;
}

/** SET clause copying a per-fact relationship's properties from the fact `f` onto `e` (empty when none). */
export function copyOntoEdge(definition: FactDefinition): string {
  const sets = copiedProperties(definition).map((p) => `e.${identifier(p)} = f.${identifier(p)}`);
  return sets.length > 0 ? `SET ${sets.join(', ')}` : '';
}
