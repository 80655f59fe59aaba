// Companies by id, for the per-request company loader. Params: $ids (list of ids). Returns: company (map).
UNWIND $ids AS id
MATCH (c:Company {id: id})
RETURN c {.*} AS company
