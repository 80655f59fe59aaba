// Creates a company unless its id exists. Params: $id, $props (map of stored properties). Returns: company, created.
// Maps list exactly the properties toCompanyRecord reads; a property added there must be added here.
MERGE (c:Company {id: $id})
ON CREATE SET c += $props, c.createdAt = datetime(), c.updatedAt = datetime(), c.isNew = true
WITH c, coalesce(c.isNew, false) AS created
REMOVE c.isNew
RETURN c {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS company, created
