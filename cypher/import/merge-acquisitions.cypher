// Bulk import: creates or overwrites acquisitions by id (the batched form of acquisition/record-acquisition).
// Params: $rows (list of {id, fromId (acquirer), toId (target), props}). Returns: written.
UNWIND $rows AS row
MATCH (acquirer:Company {id: row.fromId})
MATCH (target:Company {id: row.toId})
MERGE (acquirer)-[r:ACQUIRED {id: row.id}]->(target)
ON CREATE SET r.createdAt = datetime()
WITH r, row, properties(r) AS before
SET r += row.props
SET r.updatedAt = CASE WHEN properties(r) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
RETURN count(*) AS written
