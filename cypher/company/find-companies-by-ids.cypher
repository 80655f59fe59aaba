// Companies by id, for the per-request company loader. Params: $ids (list of ids). Returns: company (map).
// Maps list exactly the properties toCompanyRecord reads; a property added there must be added here.
UNWIND $ids AS id
MATCH (c:Company {id: id})
RETURN c {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS company
