// Subsidiary links, optionally those touching one company. Params: $companyId (null: all), $limit.
// Returns: link, child, parent (maps).
MATCH (child:Company)-[r:SUBSIDIARY_OF]->(parent:Company)
WHERE $companyId IS NULL OR child.id = $companyId OR parent.id = $companyId
RETURN r {.*, childId: child.id, parentId: parent.id} AS link, child {.*} AS child, parent {.*} AS parent
ORDER BY parent.name, child.name
LIMIT $limit
