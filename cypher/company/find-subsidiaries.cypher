// Direct subsidiaries of each company. Params: $ids. Returns: id, subsidiary (map).
// Maps list exactly the properties toCompanyRecord reads; a property added there must be added here.
UNWIND $ids AS id
MATCH (:Company {id: id})<-[:SUBSIDIARY_OF]-(s:Company)
RETURN id, s {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS subsidiary
ORDER BY s.name
