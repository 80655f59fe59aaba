// Keeps the derived (provider)-[:SUPPLIES_COMPUTE {factIds, firstOn}]->(customer) edge (with the first fact's date and its precision) in step with the ComputeDeal
// facts between two companies (see investment/refresh-invested-in). Params: $providerId, $customerId.
// Returns: facts.
MATCH (a:Company {id: $providerId})
MATCH (b:Company {id: $customerId})
OPTIONAL MATCH (a)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(b)
WITH a, b, d
ORDER BY d.announcedOn, d.id
WITH a, b, collect(d.id) AS factIds, min(d.announcedOn) AS firstOn, collect(d.announcedPrecision)[0] AS firstPrecision
CALL (a, b, factIds, firstOn, firstPrecision) {
  WITH * WHERE size(factIds) > 0
  MERGE (a)-[e:SUPPLIES_COMPUTE]->(b)
  SET e.factIds = factIds, e.firstOn = firstOn, e.firstPrecision = firstPrecision
}
CALL (a, b, factIds) {
  WITH * WHERE size(factIds) = 0
  MATCH (a)-[e:SUPPLIES_COMPUTE]->(b)
  DELETE e
}
RETURN size(factIds) AS facts
