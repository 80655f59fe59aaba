// Acquisitions and acqui-hire licences, newest first. Params: $companyId, $kind, $asOf (each null to skip), $limit.
// Returns: acquisition, acquirer, target (maps).
MATCH (acquirer:Company)-[r:ACQUIRED]->(target:Company)
WHERE ($companyId IS NULL OR acquirer.id = $companyId OR target.id = $companyId)
  AND ($kind IS NULL OR r.kind = $kind)
  AND ($asOf IS NULL OR r.announcedOn <= $asOf)
RETURN r {.*, acquirerId: acquirer.id, targetId: target.id} AS acquisition, acquirer {.*} AS acquirer, target {.*} AS target
ORDER BY r.announcedOn DESC, r.id
LIMIT $limit
