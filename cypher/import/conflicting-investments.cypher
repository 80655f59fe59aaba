// Bulk import pre-flight: investments already recorded under the same id between other parties (the API answers
// CONFLICT for these). Params: $rows (list of {id, fromId, toId}). Returns: id, fromId, toId (as stored); at most 20.
UNWIND $rows AS row
MATCH (a:Company)-[:MADE]->(i:Investment {id: row.id})-[:INTO]->(b:Company)
WHERE a.id <> row.fromId OR b.id <> row.toId
RETURN row.id AS id, a.id AS fromId, b.id AS toId
LIMIT 20
