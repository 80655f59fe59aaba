// Who an existing acquisition is between. Params: $id. Returns: acquirerId, targetId (no row when new).
MATCH (acquirer:Company)-[r:ACQUIRED {id: $id}]->(target:Company)
RETURN acquirer.id AS acquirerId, target.id AS targetId
