// Links a compute deal to the investment it came with (or unlinks it). Params: $id, $investmentId (null: none).
// Returns: id.
MATCH (d:ComputeDeal {id: $id})
OPTIONAL MATCH (d)-[old:TIED_TO]->()
DELETE old
WITH DISTINCT d
CALL (d) {
  MATCH (i:Investment {id: $investmentId})
  MERGE (d)-[:TIED_TO]->(i)
}
RETURN d.id AS id
