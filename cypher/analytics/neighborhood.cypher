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
// Cost: the rule needs the facts of every relation a layer could keep (a hub's thousands); each is read once and
// flat (cypher/analytics/fragments/neighborhood-layer.cypher), and the centre's relations are not walked again.
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
  RETURN found[..($maxNodes - 1)] AS layer1, size(found) AS found1, foundRels[..($maxNodes - 1)] AS centreRels
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
WITH c, layer1, layer2, centreRels, [c] + layer1 + layer2 + layer3 AS nodes,
     found1 + found2 + found3 - size(layer1) - size(layer2) - size(layer3) + beyond1 + beyond2 + beyond3 AS omittedNodes
CALL (c, layer1, layer2, nodes, centreRels) {
  // The centre's relations drawn to the companies kept are those its layer found (a hub's thousands are not walked
  // twice); the others are walked from their start, the centre left out.
  CALL (c, nodes, centreRels) {
    UNWIND centreRels AS rels
    UNWIND rels AS r
    RETURN startNode(r) AS a, endNode(r) AS b, r
    UNION ALL
    UNWIND nodes[1..] AS a
    MATCH (a)-[r:{{> relation-types}}]->(b)
    WHERE b IN nodes AND b <> c AND type(r) IN $kinds AND {{> edge-counts r}}
    RETURN a, b, r
  }
  // Each fact that counts read once, as what the edge shows of it (its state index bound once).
  WITH c, layer1, layer2, a, b, r, COLLECT {
    UNWIND coalesce(r.factIds, [r.id]) AS heldId
    MATCH (held:Fact {id: heldId})
    WITH held, {{> fact-state-index held}} AS heldAt
    WHERE {{> fact-counts-at held heldAt}}
    RETURN {date: {{> fact-date held}}, precision: {{> fact-date-precision held}}, money: {{> fact-money-at held heldAt}}} AS fact
    ORDER BY fact.date, held.id
  } AS held
  WITH c, layer1, layer2, a, b, r, held, reduce(total = 0.0, fact IN held | total + [heldMoney IN [fact.money] | {{> money-headline heldMoney}}][0]) AS headline
  WHERE size(held) > 0 AND {{> analytics/fragments/neighborhood-floor}}
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
    date: first.date,
    precision: first.precision,
    properties: {{> edge-properties r}},
    moneys: [fact IN held | fact.money]
  }) AS found
  RETURN found[..$maxEdges] AS edges, size(found) - size(found[..$maxEdges]) AS omittedEdges
}
RETURN [n IN nodes | {{> company-map n}}] AS nodes,
       edges, omittedNodes, omittedEdges
