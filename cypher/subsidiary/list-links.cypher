// Subsidiary links, optionally those touching one company. Params: $companyId (null: all), $limit.
// Returns: link, child, parent (maps).
// Maps list exactly the properties toSubsidiaryLinkRow and toCompanyRecord read;
// a property added there must be added here.
MATCH (child:Company)-[r:SUBSIDIARY_OF]->(parent:Company)
WHERE $companyId IS NULL OR child.id = $companyId OR parent.id = $companyId
RETURN r {.id, .since, .sincePrecision, .sourceIds, childId: child.id, parentId: parent.id} AS link,
       child {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS child,
       parent {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS parent
ORDER BY parent.name, child.name
LIMIT $limit
