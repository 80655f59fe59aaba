// Deletes a compute deal with its links (its sources stay). Params: $id. Returns: deleted (no row if unknown).
MATCH (d:ComputeDeal {id: $id})
DETACH DELETE d
RETURN 1 AS deleted
