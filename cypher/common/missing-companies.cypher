// Which of the given company ids do not exist (validation before a write). Params: $ids. Returns: missing (list).
UNWIND $ids AS id
OPTIONAL MATCH (c:Company {id: id})
WITH id, c
WHERE c IS NULL
RETURN collect(DISTINCT id) AS missing
