// The subgraph around a company, ready to draw: companies within $depth hops over the chosen relation kinds, and
// every such relation among them. Breadth-first, one layer per subquery, so depth 1 never expands a second layer.
// Params: $companyId, $depth (1-3), $kinds (relation kinds: relationship types, see src/facts/relation-kinds.ts),
// $minAmountUsd (null: any relation), the scope's, $maxNodes (the centre included), $maxEdges.
// A relation is drawn when one of its facts counts by itself in the scope and, with $minAmountUsd, when the headline
// (paid + committed) of the facts that count is at least that and above zero; its date is its earliest such fact's
// and its money theirs. A layer's companies are those such a relation ties to the layer before (pruned first over
// the relationships' summaries, which cost no fact read), so every company kept is reached by relations drawn.
// Which companies are kept when there are more than $maxNodes, one rule: nearer layers first; within a layer, the
// most headline money on the relations to the layer before, then the most such relations, then id. A layer the ones
// before it filled the cap for is only probed for one company (the answer says it was cut without searching what it
// cannot draw), so the count of companies left out is exact up to the layer the cap fell in, and a lower bound.
// Relations kept past $maxEdges: those between nearer companies first (the farther end's layer), then the most
// headline money, then the ends' ids, the kind and the relationship's id.
// Returns: nodes (maps, centre first, in the order kept), edges (kind, fromId, toId, relId, date, precision,
// properties: those a per-fact relationship copies from its fact, moneys: one per fact that counts), omittedNodes,
// omittedEdges.
MATCH (c:Company {id: $companyId})
USING INDEX c:Company(id)
CALL (c) {
  WITH c WHERE $maxNodes > 1
  MATCH (c)-[r:{{> relation-types}}]-(n)
  WHERE type(r) IN $kinds AND n <> c AND {{> edge-counts r}}
  {{> analytics/fragments/neighborhood-layer}}
  RETURN found[..($maxNodes - 1)] AS layer1, size(found) AS found1
}
CALL (c) {
  WITH c WHERE $maxNodes = 1
  MATCH (c)-[r:{{> relation-types}}]-(n)
  WHERE type(r) IN $kinds AND n <> c AND {{> edge-counts r}}
  {{> analytics/fragments/neighborhood-probe}}
  RETURN beyond AS beyond1
}
CALL (c, layer1) {
  WITH c, layer1 WHERE $depth >= 2 AND size(layer1) < $maxNodes - 1
  UNWIND layer1 AS m
  MATCH (m)-[r:{{> relation-types}}]-(n)
  WHERE type(r) IN $kinds AND n <> c AND NOT n IN layer1 AND {{> edge-counts r}}
  {{> analytics/fragments/neighborhood-layer}}
  RETURN found[..($maxNodes - 1 - size(layer1))] AS layer2, size(found) AS found2
}
CALL (c, layer1) {
  WITH c, layer1 WHERE $depth >= 2 AND size(layer1) >= $maxNodes - 1
  UNWIND layer1 AS m
  MATCH (m)-[r:{{> relation-types}}]-(n)
  WHERE type(r) IN $kinds AND n <> c AND NOT n IN layer1 AND {{> edge-counts r}}
  {{> analytics/fragments/neighborhood-probe}}
  RETURN beyond AS beyond2
}
CALL (c, layer1, layer2) {
  WITH c, layer1, layer2 WHERE $depth >= 3 AND size(layer1) + size(layer2) < $maxNodes - 1
  UNWIND layer2 AS m
  MATCH (m)-[r:{{> relation-types}}]-(n)
  WHERE type(r) IN $kinds AND n <> c AND NOT n IN layer1 AND NOT n IN layer2 AND {{> edge-counts r}}
  {{> analytics/fragments/neighborhood-layer}}
  RETURN found[..($maxNodes - 1 - size(layer1) - size(layer2))] AS layer3, size(found) AS found3
}
CALL (c, layer1, layer2) {
  WITH c, layer1, layer2 WHERE $depth >= 3 AND size(layer1) + size(layer2) >= $maxNodes - 1
  UNWIND layer2 AS m
  MATCH (m)-[r:{{> relation-types}}]-(n)
  WHERE type(r) IN $kinds AND n <> c AND NOT n IN layer1 AND NOT n IN layer2 AND {{> edge-counts r}}
  {{> analytics/fragments/neighborhood-probe}}
  RETURN beyond AS beyond3
}
WITH c, layer1, layer2, [c] + layer1 + layer2 + layer3 AS nodes,
     found1 + found2 + found3 - size(layer1) - size(layer2) - size(layer3) + beyond1 + beyond2 + beyond3 AS omittedNodes
CALL (c, layer1, layer2, nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:{{> relation-types}}]->(b)
  WHERE b IN nodes AND type(r) IN $kinds AND {{> edge-counts r}}
  WITH c, layer1, layer2, a, b, r, {{> edge-facts r}} AS held
  WITH c, layer1, layer2, a, b, r, held, {{> facts-headline held}} AS headline
  WHERE {{> analytics/fragments/neighborhood-shown}}
  WITH a, b, r, held, headline,
       [x IN [a, b] | CASE WHEN x = c THEN 0 WHEN x IN layer1 THEN 1 WHEN x IN layer2 THEN 2 ELSE 3 END] AS layers
  WITH a, b, r, held, headline, CASE WHEN layers[0] > layers[1] THEN layers[0] ELSE layers[1] END AS farther
  ORDER BY farther, headline DESC, a.id, b.id, type(r), coalesce(r.id, '')
  WITH a, b, r, held, head(held) AS first
  WITH collect({
    kind: type(r),
    fromId: a.id,
    toId: b.id,
    relId: r.id,
    date: {{> fact-date first}},
    precision: {{> fact-date-precision first}},
    properties: {{> edge-properties r}},
    moneys: [x IN held | {{> fact-money x}}]
  }) AS found
  RETURN found[..$maxEdges] AS edges, size(found) - size(found[..$maxEdges]) AS omittedEdges
}
RETURN [n IN nodes | {{> company-map n}}] AS nodes,
       edges, omittedNodes, omittedEdges
