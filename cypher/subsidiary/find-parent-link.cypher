// The link from a company to its parent, if any. Params: $childId. Returns: id, parentId.
MATCH (:Company {id: $childId})-[r:SUBSIDIARY_OF]->(parent:Company)
RETURN r.id AS id, parent.id AS parentId
