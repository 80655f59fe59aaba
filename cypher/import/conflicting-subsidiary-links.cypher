// Bulk import pre-flight: children that already have another parent link, or link ids recorded between other
// companies. Params: $rows (list of {id, fromId (child), toId (parent)}). Returns: id, fromId, toId, existingId;
// at most 20.
UNWIND $rows AS row
CALL (row) {
  MATCH (:Company {id: row.fromId})-[r:SUBSIDIARY_OF]->(p:Company)
  WHERE r.id <> row.id OR p.id <> row.toId
  RETURN r.id AS existingId
  UNION
  MATCH (x:Company)-[r:SUBSIDIARY_OF {id: row.id}]->(y:Company)
  WHERE x.id <> row.fromId OR y.id <> row.toId
  RETURN r.id AS existingId
}
RETURN row.id AS id, row.fromId AS fromId, row.toId AS toId, existingId
LIMIT 20
