// Makes a fact node (Investment or ComputeDeal) cite exactly the given sources. Params: $id, $sourceIds.
// Returns: cited (number of sources now cited).
CALL () {
  MATCH (f:Investment {id: $id}) RETURN f
  UNION
  MATCH (f:ComputeDeal {id: $id}) RETURN f
}
OPTIONAL MATCH (f)-[old:CITES]->()
DELETE old
WITH DISTINCT f
UNWIND $sourceIds AS sourceId
MATCH (s:Source {id: sourceId})
MERGE (f)-[:CITES]->(s)
RETURN count(s) AS cited
