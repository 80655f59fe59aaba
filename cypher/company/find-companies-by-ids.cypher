// Companies by id, for the per-request company loader. Params: $ids (list of ids). Returns: company (map).
// The id index is hinted: on some statistics the planner read the whole index instead of seeking each id.
UNWIND $ids AS id
MATCH (c:Company {id: id})
USING INDEX c:Company(id)
RETURN {{> company-map c}} AS company
