// Number of rivalries matching a filter. Params: as list-rivalries without paging. Returns: total.
MATCH (a:Company)-[r:COMPETES_WITH]->(b:Company)
WHERE ($companyId IS NULL OR a.id = $companyId OR b.id = $companyId)
  AND ($market IS NULL OR r.market = $market)
  AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
RETURN count(r) AS total
