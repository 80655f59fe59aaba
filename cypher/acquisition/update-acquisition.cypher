// Changes some properties of an acquisition. Params: $id, $changes. Returns: id (no row if unknown).
MATCH ()-[r:ACQUIRED {id: $id}]->()
SET r += $changes, r.updatedAt = datetime()
RETURN r.id AS id
