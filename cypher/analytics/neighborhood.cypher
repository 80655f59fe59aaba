// The subgraph around a company, ready to draw: companies within $depth hops over the chosen relation kinds, and
// every such relation among them. Breadth-first, one layer per subquery, so depth 1 never expands a second layer.
// Params: $companyId, $depth (1-3), $kinds (relationship types), $asOf, $maxNodes, $maxEdges.
// Bounded: $maxNodes companies and $maxEdges + 1 edges (one extra tells the caller it truncated).
// Returns: nodes (maps), edges (kind, fromId, toId, relId, date, precision, market, relKind, amountUsd,
// amountKind, amounts), nodesTruncated.
MATCH (c:Company {id: $companyId})
USING INDEX c:Company(id)
CALL (c) {
  OPTIONAL MATCH (c)-[r:INVESTED_IN|SUPPLIES_COMPUTE|COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED]-(n)
  WHERE type(r) IN $kinds AND {{> edge-counts r}}
  RETURN collect(DISTINCT n)[..$maxNodes] AS layer1
}
CALL (c, layer1) {
  WITH c, layer1 WHERE $depth >= 2
  UNWIND layer1 AS m
  MATCH (m)-[r:INVESTED_IN|SUPPLIES_COMPUTE|COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED]-(n)
  WHERE type(r) IN $kinds AND {{> edge-counts r}} AND n <> c AND NOT n IN layer1
  RETURN collect(DISTINCT n)[..$maxNodes] AS layer2
}
CALL (c, layer1, layer2) {
  WITH c, layer1, layer2 WHERE $depth >= 3
  UNWIND layer2 AS m
  MATCH (m)-[r:INVESTED_IN|SUPPLIES_COMPUTE|COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED]-(n)
  WHERE type(r) IN $kinds AND {{> edge-counts r}} AND n <> c AND NOT n IN layer1 AND NOT n IN layer2
  RETURN collect(DISTINCT n)[..$maxNodes] AS layer3
}
WITH ([c] + layer1 + layer2 + layer3)[..$maxNodes] AS nodes, size(layer1) + size(layer2) + size(layer3) + 1 > $maxNodes AS nodesTruncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:INVESTED_IN|SUPPLIES_COMPUTE|COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED]->(b)
  WHERE b IN nodes AND type(r) IN $kinds AND {{> edge-counts r}}
  WITH a, b, r
  ORDER BY a.id, b.id, type(r)
  LIMIT $maxEdges + 1
  RETURN collect({
    kind: type(r),
    fromId: a.id,
    toId: b.id,
    relId: r.id,
    date: coalesce(r.firstOn, r.since, r.announcedOn),
    precision: coalesce(r.firstPrecision, r.sincePrecision, r.announcedPrecision),
    market: r.market,
    relKind: r.kind,
    moneys: CASE type(r)
      WHEN 'INVESTED_IN' THEN [(a)-[:MADE]->(i:Investment)-[:INTO]->(b) WHERE {{> fact-counts i}} | {{> fact-money i}}]
      WHEN 'SUPPLIES_COMPUTE' THEN [(a)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(b) WHERE {{> fact-counts d}} | {{> fact-money d}}]
      WHEN 'ACQUIRED' THEN COLLECT { MATCH (x:Acquisition {id: r.id}) RETURN {{> fact-money x}} }
      ELSE [] END
  }) AS edges
}
RETURN [n IN nodes | {{> company-map n}}] AS nodes,
       edges, nodesTruncated
