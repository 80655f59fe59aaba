// Bulk import: brings the derived INVESTED_IN edge of each given pair in step with its Investment facts (the
// batched form of investment/refresh-invested-in; an import only adds facts, so every pair has at least one).
// Expands from the investee, whose few incoming investments are cheaper to read than a busy investor's many.
// Params: $pairs (list of {fromId, toId}). Returns: refreshed.
UNWIND $pairs AS pair
MATCH (b:Company {id: pair.toId})<-[:INTO]-(i:Investment)<-[:MADE]-(a:Company)
WHERE a.id = pair.fromId
WITH a, b, i
ORDER BY i.announcedOn, i.id
WITH a, b, collect(i.id) AS factIds, min(i.announcedOn) AS firstOn, collect(i.announcedPrecision)[0] AS firstPrecision
MERGE (a)-[e:INVESTED_IN]->(b)
SET e.factIds = factIds, e.firstOn = firstOn, e.firstPrecision = firstPrecision
RETURN count(*) AS refreshed
