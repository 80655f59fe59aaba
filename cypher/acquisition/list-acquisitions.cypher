// Acquisitions and acqui-hire licences, newest first. Params: $companyId, $kind, $asOf (each null to skip), $limit.
// Returns: acquisition, acquirer, target (maps).
// Maps list exactly the properties toAcquisitionRow and toCompanyRecord read;
// a property added there must be added here.
MATCH (acquirer:Company)-[r:ACQUIRED]->(target:Company)
WHERE ($companyId IS NULL OR acquirer.id = $companyId OR target.id = $companyId)
  AND ($kind IS NULL OR r.kind = $kind)
  AND ($asOf IS NULL OR r.announcedOn <= $asOf)
RETURN r {.id, .kind, .announcedOn, .announcedPrecision, .amountUsd, .amountKind, .note, .sourceIds,
          acquirerId: acquirer.id, targetId: target.id} AS acquisition,
       acquirer {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS acquirer,
       target {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS target
ORDER BY r.announcedOn DESC, r.id
LIMIT $limit
