// Sources by id, for the per-request source loader. Params: $ids. Returns: source (map).
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.*} AS source
