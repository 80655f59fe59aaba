// Bulk import: creates or overwrites companies by id, one batch per transaction. Params: $rows (list of {id, props};
// props as the API stores them). Returns: written (rows merged). updatedAt moves only when a property changed.
UNWIND $rows AS row
MERGE (c:Company {id: row.id})
ON CREATE SET c.createdAt = datetime()
WITH c, row, properties(c) AS before
SET c += row.props
SET c.updatedAt = CASE WHEN properties(c) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
RETURN count(*) AS written
