// Bulk import pre-flight: rivalries whose id is recorded between other companies, or whose pair is already rivals
// in the same market under another id. Params: $rows (list of {id, fromId, toId, market}; fromId < toId).
// Returns: id, fromId, toId, existingId; at most 20.
UNWIND $rows AS row
MATCH (a:Company {id: row.fromId})
MATCH (b:Company {id: row.toId})
CALL (a, b, row) {
  MATCH (x:Company)-[r:COMPETES_WITH {id: row.id}]->(y:Company)
  WHERE x <> a OR y <> b
  RETURN r.id AS existingId
  UNION
  MATCH (a)-[r:COMPETES_WITH]-(b)
  WHERE r.market = row.props.market AND r.id <> row.id
  RETURN r.id AS existingId
}
RETURN row.id AS id, row.fromId AS fromId, row.toId AS toId, existingId
LIMIT 20
