// Subsidiary links by id. Params: $ids. Returns: link (map with childId, parentId), child, parent (maps).
// Maps list exactly the properties toSubsidiaryLinkRow and toCompanyRecord read;
// a property added there must be added here.
UNWIND $ids AS id
MATCH (child:Company)-[r:SUBSIDIARY_OF {id: id}]->(parent:Company)
RETURN r {.id, .since, .sincePrecision, .sourceIds, childId: child.id, parentId: parent.id} AS link,
       child {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS child,
       parent {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS parent
