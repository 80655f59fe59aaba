// Changes some properties of a company. Params: $id, $changes (map; null values remove a property).
// Returns: company (no row when the id is unknown).
MATCH (c:Company {id: $id})
SET c += $changes, c.updatedAt = datetime()
RETURN {{> company-map c}} AS company
