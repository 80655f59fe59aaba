// Bulk import: creates or overwrites subsidiary links by id (the batched form of subsidiary/record-link).
// Params: $rows (list of {id, fromId (child), toId (parent), props}). Returns: written.
UNWIND $rows AS row
MATCH (child:Company {id: row.fromId})
MATCH (parent:Company {id: row.toId})
MERGE (child)-[r:SUBSIDIARY_OF {id: row.id}]->(parent)
ON CREATE SET r.createdAt = datetime()
WITH r, row, properties(r) AS before
SET r += row.props
SET r.updatedAt = CASE WHEN properties(r) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
RETURN count(*) AS written
