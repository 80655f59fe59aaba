// The subgraph around a company, ready to draw: companies within $depth hops over the chosen relation kinds, and
// every such relation among them. Breadth-first, one layer per subquery, so depth 1 never expands a second layer.
// Params: $companyId, $depth (1-3), $kinds (relation kinds: relationship types, see src/facts/relation-kinds.ts),
// $asOf, $maxNodes, $maxEdges.
// Bounded: $maxNodes companies and $maxEdges + 1 edges (one extra tells the caller it truncated).
// A relation is drawn when one of its facts counts by itself in the scope; its date is its earliest such fact's and
// its money theirs. The layers are found over the relationships' summaries (which only prune, and cost no fact read),
// each stopping at its first $maxNodes distinct companies (all the statement keeps of it, in the order found);
// a company reached only through relations that do not hold is dropped by the caller (AnalyticsRepository), which
// walks the drawn edges from the company.
// Returns: nodes (maps), edges (kind, fromId, toId, relId, date, precision, properties: those a per-fact relationship
// copies from its fact, moneys: one per fact that counts), nodesTruncated.
MATCH (c:Company {id: $companyId})
USING INDEX c:Company(id)
CALL (c) {
  OPTIONAL MATCH (c)-[r:{{> relation-types}}]-(n)
  WHERE type(r) IN $kinds AND {{> edge-counts r}}
  WITH DISTINCT n LIMIT $maxNodes
  RETURN collect(n) AS layer1
}
CALL (c, layer1) {
  WITH c, layer1 WHERE $depth >= 2
  UNWIND layer1 AS m
  MATCH (m)-[r:{{> relation-types}}]-(n)
  WHERE type(r) IN $kinds AND n <> c AND NOT n IN layer1 AND {{> edge-counts r}}
  WITH DISTINCT n LIMIT $maxNodes
  RETURN collect(n) AS layer2
}
CALL (c, layer1, layer2) {
  WITH c, layer1, layer2 WHERE $depth >= 3
  UNWIND layer2 AS m
  MATCH (m)-[r:{{> relation-types}}]-(n)
  WHERE type(r) IN $kinds AND n <> c AND NOT n IN layer1 AND NOT n IN layer2 AND {{> edge-counts r}}
  WITH DISTINCT n LIMIT $maxNodes
  RETURN collect(n) AS layer3
}
WITH ([c] + layer1 + layer2 + layer3)[..$maxNodes] AS nodes, size(layer1) + size(layer2) + size(layer3) + 1 > $maxNodes AS nodesTruncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:{{> relation-types}}]->(b)
  WHERE b IN nodes AND type(r) IN $kinds AND {{> edge-counts r}}
  WITH a, b, r, {{> edge-facts r}} AS held
  WHERE size(held) > 0
  WITH a, b, r, held, head(held) AS first
  ORDER BY a.id, b.id, type(r)
  LIMIT $maxEdges + 1
  RETURN collect({
    kind: type(r),
    fromId: a.id,
    toId: b.id,
    relId: r.id,
    date: {{> fact-date first}},
    precision: {{> fact-date-precision first}},
    properties: {{> edge-properties r}},
    moneys: [x IN held | {{> fact-money x}}]
  }) AS edges
}
RETURN [n IN nodes | {{> company-map n}}] AS nodes,
       edges, nodesTruncated
