// Creates or overwrites an acquisition by id. Params: $id, $acquirerId, $targetId, $props (map; nulls clear).
// Returns: id. updatedAt moves only when a property changed, so re-recording the same fact changes nothing.
MATCH (acquirer:Company {id: $acquirerId})
MATCH (target:Company {id: $targetId})
MERGE (acquirer)-[r:ACQUIRED {id: $id}]->(target)
ON CREATE SET r.createdAt = datetime()
WITH *, properties(r) AS before
SET r += $props
SET r.updatedAt = CASE WHEN properties(r) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
RETURN r.id AS id
