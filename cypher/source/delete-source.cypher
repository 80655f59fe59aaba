// Deletes a source. Params: $id. Returns: deleted (1, or no row when unknown).
MATCH (s:Source {id: $id})
DETACH DELETE s
RETURN 1 AS deleted
