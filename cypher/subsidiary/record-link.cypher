// Creates or overwrites a subsidiary link by id. Params: $id, $childId, $parentId, $props (map; nulls clear).
// Returns: id. updatedAt moves only when a property changed, so re-recording the same fact changes nothing.
MATCH (child:Company {id: $childId})
MATCH (parent:Company {id: $parentId})
MERGE (child)-[r:SUBSIDIARY_OF {id: $id}]->(parent)
ON CREATE SET r.createdAt = datetime()
WITH *, properties(r) AS before
SET r += $props
SET r.updatedAt = CASE WHEN properties(r) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
RETURN r.id AS id
