// Import pre-flight: which of the given fact ids (links to facts of one type) are not in the database as that type.
// Params: $ids, $type (a fact type's label, compared as a value). Returns: missing (list).
UNWIND $ids AS id
OPTIONAL MATCH (f:Fact {id: id})
WITH id, f
WHERE f IS NULL OR NOT $type IN labels(f)
RETURN collect(DISTINCT id) AS missing
