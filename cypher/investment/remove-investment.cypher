// Deletes an investment with its links (its sources stay). Params: $id. Returns: deleted (no row if unknown).
MATCH (i:Investment {id: $id})
DETACH DELETE i
RETURN 1 AS deleted
