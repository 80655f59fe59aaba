// Acquisitions by id. Params: $ids. Returns: acquisition (map with acquirerId, targetId), acquirer, target (maps).
// Maps list exactly the properties toAcquisitionRow and toCompanyRecord read;
// a property added there must be added here.
UNWIND $ids AS id
MATCH (acquirer:Company)-[r:ACQUIRED {id: id}]->(target:Company)
RETURN r {.id, .kind, .announcedOn, .announcedPrecision, .amountUsd, .amountKind, .note, .sourceIds,
          acquirerId: acquirer.id, targetId: target.id} AS acquisition,
       acquirer {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS acquirer,
       target {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS target
