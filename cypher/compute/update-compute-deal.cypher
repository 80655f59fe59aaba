// Changes some properties of a compute deal. Params: $id, $changes (map; nulls clear). Returns: id (no row if unknown).
MATCH (d:ComputeDeal {id: $id})
SET d += $changes, d.updatedAt = datetime()
RETURN d.id AS id
