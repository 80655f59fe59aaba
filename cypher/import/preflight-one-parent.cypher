// Import pre-flight for the one-parent rule: rows whose subsidiary already has another parent link. Params: $rows
// ({id, parties: {subsidiary, parent}}). Returns: id, existing; at most 20.
UNWIND $rows AS row
MATCH (:Company {id: row.parties.subsidiary})-[:HELD]->(other:SubsidiaryLink)-[:BY]->(p:Company)
WHERE other.id <> row.id OR p.id <> row.parties.parent
RETURN row.id AS id, other.id AS existing
LIMIT 20
