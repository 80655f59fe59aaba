// Bulk import: creates or overwrites rivalries by id, stored once from the lower id to the higher (the batched form
// of rivalry/record-rivalry). Params: $rows (list of {id, fromId, toId, props}). Returns: written.
UNWIND $rows AS row
MATCH (a:Company {id: row.fromId})
MATCH (b:Company {id: row.toId})
MERGE (a)-[r:COMPETES_WITH {id: row.id}]->(b)
ON CREATE SET r.createdAt = datetime()
WITH r, row, properties(r) AS before
SET r += row.props
SET r.updatedAt = CASE WHEN properties(r) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
RETURN count(*) AS written
