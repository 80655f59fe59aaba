// One page of rivalries. Params: $companyId, $market, $asOf (each null to skip), $skip, $limit.
// Returns: rivalry, companyA, companyB (maps), by market then names.
// Maps list exactly the properties toRivalryRecord and toCompanyRecord read; a property added there must be added here.
MATCH (a:Company)-[r:COMPETES_WITH]->(b:Company)
WHERE ($companyId IS NULL OR a.id = $companyId OR b.id = $companyId)
  AND ($market IS NULL OR r.market = $market)
  AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
RETURN r {.id, .market, .since, .sincePrecision, .note, .sourceIds, companyIds: [a.id, b.id]} AS rivalry,
       a {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS companyA,
       b {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS companyB
ORDER BY r.market, a.name, b.name, r.id
SKIP $skip
LIMIT $limit
