// Creates or overwrites a rivalry by id, stored once from the lower id to the higher. Params: $id, $aId, $bId,
// $props (map; nulls clear). Returns: id.
MATCH (a:Company {id: $aId})
MATCH (b:Company {id: $bId})
MERGE (a)-[r:COMPETES_WITH {id: $id}]->(b)
ON CREATE SET r.createdAt = datetime()
WITH *, properties(r) AS before
SET r += $props
SET r.updatedAt = CASE WHEN properties(r) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
RETURN r.id AS id
