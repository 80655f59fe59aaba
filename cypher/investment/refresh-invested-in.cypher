// Keeps the derived (investor)-[:INVESTED_IN {factIds, firstOn}]->(investee) edge (with the first fact's date and its precision) in step with the Investment facts
// between two companies: one edge per pair, so traversals (connections, loops, neighbourhoods) use a uniform
// company-to-company pattern. Run in the same transaction as every investment write. Params: $investorId,
// $investeeId. Returns: facts (number of investments between the pair; 0 means the edge was removed).
MATCH (a:Company {id: $investorId})
MATCH (b:Company {id: $investeeId})
OPTIONAL MATCH (a)-[:MADE]->(i:Investment)-[:INTO]->(b)
WITH a, b, i
ORDER BY i.announcedOn, i.id
WITH a, b, collect(i.id) AS factIds, min(i.announcedOn) AS firstOn, collect(i.announcedPrecision)[0] AS firstPrecision
CALL (a, b, factIds, firstOn, firstPrecision) {
  WITH * WHERE size(factIds) > 0
  MERGE (a)-[e:INVESTED_IN]->(b)
  SET e.factIds = factIds, e.firstOn = firstOn, e.firstPrecision = firstPrecision
}
CALL (a, b, factIds) {
  WITH * WHERE size(factIds) = 0
  MATCH (a)-[e:INVESTED_IN]->(b)
  DELETE e
}
RETURN size(factIds) AS facts
