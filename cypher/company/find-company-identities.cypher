// Former names and external ids of companies by id, for the loader behind those Company fields. Params: $ids.
// Returns: company (map with what identifies it).
UNWIND $ids AS id
MATCH (c:Company {id: id})
USING INDEX c:Company(id)
RETURN {{> company-identity-map c}} AS company
