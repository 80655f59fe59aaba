// Deletes an acquisition. Params: $id. Returns: deleted (no row if unknown).
MATCH ()-[r:ACQUIRED {id: $id}]->()
DELETE r
RETURN 1 AS deleted
