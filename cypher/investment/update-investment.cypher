// Changes some properties of an investment. Params: $id, $changes (map; nulls clear). Returns: id (no row if unknown).
MATCH (i:Investment {id: $id})
SET i += $changes, i.updatedAt = datetime()
RETURN i.id AS id
