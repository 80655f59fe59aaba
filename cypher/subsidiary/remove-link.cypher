// Deletes a subsidiary link. Params: $id. Returns: deleted (no row if unknown).
MATCH ()-[r:SUBSIDIARY_OF {id: $id}]->()
DELETE r
RETURN 1 AS deleted
