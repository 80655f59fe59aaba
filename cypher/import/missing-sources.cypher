// Import pre-flight: which of the given source ids are not in the database. Params: $ids. Returns: missing (list).
UNWIND $ids AS id
OPTIONAL MATCH (s:Source {id: id})
WITH id, s
WHERE s IS NULL
RETURN collect(DISTINCT id) AS missing
