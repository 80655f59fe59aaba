// Acquisitions by id. Params: $ids. Returns: acquisition (map with acquirerId, targetId), acquirer, target (maps).
UNWIND $ids AS id
MATCH (acquirer:Company)-[r:ACQUIRED {id: id}]->(target:Company)
RETURN r {.*, acquirerId: acquirer.id, targetId: target.id} AS acquisition, acquirer {.*} AS acquirer, target {.*} AS target
