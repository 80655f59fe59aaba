// Bulk import: brings the derived SUPPLIES_COMPUTE edges into each given customer in step with its ComputeDeal facts
// (the batched form of compute/refresh-supplies-compute), anchored on the customer alone for the reason given in
// import/refresh-invested-in. Params: $customerIds. Returns: refreshed.
UNWIND $customerIds AS customerId
MATCH (b:Company {id: customerId})<-[:TO]-(d:ComputeDeal)<-[:SUPPLIES]-(a:Company)
WITH a, b, d
ORDER BY d.announcedOn, d.id
WITH a, b, collect(d.id) AS factIds, min(d.announcedOn) AS firstOn, collect(d.announcedPrecision)[0] AS firstPrecision
MERGE (a)-[e:SUPPLIES_COMPUTE]->(b)
SET e.factIds = factIds, e.firstOn = firstOn, e.firstPrecision = firstPrecision
RETURN count(*) AS refreshed
