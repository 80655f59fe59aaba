// Bulk import: brings the derived SUPPLIES_COMPUTE edge of each given pair in step with its ComputeDeal facts (the
// batched form of compute/refresh-supplies-compute), expanding from the customer. Params: $pairs (list of
// {fromId, toId}). Returns: refreshed.
UNWIND $pairs AS pair
MATCH (b:Company {id: pair.toId})<-[:TO]-(d:ComputeDeal)<-[:SUPPLIES]-(a:Company)
WHERE a.id = pair.fromId
WITH a, b, d
ORDER BY d.announcedOn, d.id
WITH a, b, collect(d.id) AS factIds, min(d.announcedOn) AS firstOn, collect(d.announcedPrecision)[0] AS firstPrecision
MERGE (a)-[e:SUPPLIES_COMPUTE]->(b)
SET e.factIds = factIds, e.firstOn = firstOn, e.firstPrecision = firstPrecision
RETURN count(*) AS refreshed
