// Deletes a rivalry. Params: $id. Returns: deleted (no row if unknown).
MATCH ()-[r:COMPETES_WITH {id: $id}]->()
DELETE r
RETURN 1 AS deleted
