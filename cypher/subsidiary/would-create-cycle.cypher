// Whether making $childId a subsidiary of $parentId would close a loop (the parent already sits below the child).
// Params: $childId, $parentId. Returns: cycle (boolean). Ownership chains are short; 20 levels bound the search.
MATCH (parent:Company {id: $parentId})
RETURN EXISTS { (parent)-[:SUBSIDIARY_OF*1..20]->(:Company {id: $childId}) } AS cycle
