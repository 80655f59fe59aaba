// Import pre-flight: which of the given company ids are not in the database. Params: $ids. Returns: missing (list).
UNWIND $ids AS id
OPTIONAL MATCH (c:Company {id: id})
WITH id, c
WHERE c IS NULL
RETURN collect(DISTINCT id) AS missing
