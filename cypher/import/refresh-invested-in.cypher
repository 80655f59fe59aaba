// Bulk import: brings the derived INVESTED_IN edges into each given investee in step with its Investment facts (the
// batched form of investment/refresh-invested-in; an import only adds facts). It refreshes every investor of the
// investee, not just the batch's: anchoring on the investee alone keeps the planner from starting at a busy investor
// and reading its thousands of investments per pair (it did: 900k relationships per batch of 5,000).
// Params: $investeeIds. Returns: refreshed.
UNWIND $investeeIds AS investeeId
MATCH (b:Company {id: investeeId})<-[:INTO]-(i:Investment)<-[:MADE]-(a:Company)
WITH a, b, i
ORDER BY i.announcedOn, i.id
WITH a, b, collect(i.id) AS factIds, min(i.announcedOn) AS firstOn, collect(i.announcedPrecision)[0] AS firstPrecision
MERGE (a)-[e:INVESTED_IN]->(b)
SET e.factIds = factIds, e.firstOn = firstOn, e.firstPrecision = firstPrecision
RETURN count(*) AS refreshed
