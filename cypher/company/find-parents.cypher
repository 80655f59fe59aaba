// Direct parent of each company. Params: $ids. Returns: id, parent (map).
// Maps list exactly the properties toCompanyRecord reads; a property added there must be added here.
UNWIND $ids AS id
MATCH (:Company {id: id})-[:SUBSIDIARY_OF]->(p:Company)
RETURN id, p {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS parent
