// Which of the given source ids do not exist (validation before a write). Params: $ids. Returns: missing (list).
UNWIND $ids AS id
OPTIONAL MATCH (s:Source {id: id})
WITH id, s
WHERE s IS NULL
RETURN collect(DISTINCT id) AS missing
