// Direct parent of each company. Params: $ids. Returns: id, parent (map).
// Maps list exactly the properties toCompanyRecord reads; a property added there must be added here.
// The id index is hinted: on some statistics the planner read the whole index instead of seeking each id.
UNWIND $ids AS id
MATCH (c:Company {id: id})-[:SUBSIDIARY_OF]->(p:Company)
USING INDEX c:Company(id)
RETURN id, p {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS parent
