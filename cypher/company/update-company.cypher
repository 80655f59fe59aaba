// Changes some properties of a company. Params: $id, $changes (map; null values remove a property).
// Returns: company (no row when the id is unknown).
// Maps list exactly the properties toCompanyRecord reads; a property added there must be added here.
MATCH (c:Company {id: $id})
SET c += $changes, c.updatedAt = datetime()
RETURN c {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS company
