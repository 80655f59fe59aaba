// Bulk import pre-flight: compute deals already recorded under the same id between other parties. Params: $rows
// (list of {id, fromId, toId}). Returns: id, fromId, toId (as stored); at most 20.
UNWIND $rows AS row
MATCH (a:Company)-[:SUPPLIES]->(d:ComputeDeal {id: row.id})-[:TO]->(b:Company)
WHERE a.id <> row.fromId OR b.id <> row.toId
RETURN row.id AS id, a.id AS fromId, b.id AS toId
LIMIT 20
