// Changes some properties of a subsidiary link. Params: $id, $changes. Returns: id (no row if unknown).
MATCH ()-[r:SUBSIDIARY_OF {id: $id}]->()
SET r += $changes, r.updatedAt = datetime()
RETURN r.id AS id
