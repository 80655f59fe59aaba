// Bulk import pre-flight: which of the given investment ids (related investments of compute deals not in the file)
// do not exist. Params: $ids. Returns: missing (list).
UNWIND $ids AS id
OPTIONAL MATCH (i:Investment {id: id})
WITH id, i
WHERE i IS NULL
RETURN collect(DISTINCT id) AS missing
