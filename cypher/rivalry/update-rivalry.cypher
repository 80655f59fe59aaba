// Changes some properties of a rivalry. Params: $id, $changes (map; nulls clear). Returns: id (no row if unknown).
MATCH ()-[r:COMPETES_WITH {id: $id}]->()
SET r += $changes, r.updatedAt = datetime()
RETURN r.id AS id
