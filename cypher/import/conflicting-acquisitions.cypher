// Bulk import pre-flight: acquisition ids already recorded between other companies. Params: $rows (list of {id,
// fromId, toId}). Returns: id, fromId, toId (as stored); at most 20.
UNWIND $rows AS row
MATCH (a:Company)-[r:ACQUIRED {id: row.id}]->(b:Company)
WHERE a.id <> row.fromId OR b.id <> row.toId
RETURN row.id AS id, a.id AS fromId, b.id AS toId
LIMIT 20
