// Subsidiary links by id. Params: $ids. Returns: link (map with childId, parentId), child, parent (maps).
UNWIND $ids AS id
MATCH (child:Company)-[r:SUBSIDIARY_OF {id: id}]->(parent:Company)
RETURN r {.*, childId: child.id, parentId: parent.id} AS link, child {.*} AS child, parent {.*} AS parent
