// Whether an investment id is unknown (validation). Params: $id. Returns: missing (boolean).
OPTIONAL MATCH (i:Investment {id: $id})
RETURN i IS NULL AS missing
