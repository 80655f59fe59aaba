// Removes a watch (its alerts stay in the change log). Params: $id. Returns: removed (no row when unknown).
MATCH (w:Watch {id: $id})
DELETE w
RETURN 1 AS removed
