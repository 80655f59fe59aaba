// Migration 004: builds the derived INVESTED_IN / SUPPLIES_COMPUTE company-to-company edges for facts recorded
// before the edges existed. Repositories maintain them from then on. Idempotent (MERGE).
MATCH (a:Company)-[:MADE]->(i:Investment)-[:INTO]->(b:Company)
WITH a, b, i
ORDER BY i.announcedOn, i.id
WITH a, b, collect(i.id) AS factIds, min(i.announcedOn) AS firstOn, collect(i.announcedPrecision)[0] AS firstPrecision
MERGE (a)-[e:INVESTED_IN]->(b)
SET e.factIds = factIds, e.firstOn = firstOn, e.firstPrecision = firstPrecision;
MATCH (a:Company)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(b:Company)
WITH a, b, d
ORDER BY d.announcedOn, d.id
WITH a, b, collect(d.id) AS factIds, min(d.announcedOn) AS firstOn, collect(d.announcedPrecision)[0] AS firstPrecision
MERGE (a)-[e:SUPPLIES_COMPUTE]->(b)
SET e.factIds = factIds, e.firstOn = firstOn, e.firstPrecision = firstPrecision
