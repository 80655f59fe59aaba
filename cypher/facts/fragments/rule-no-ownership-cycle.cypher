// Fragment (rule): no company is its own ancestor. Expects f, the subsidiary link just written (its SUBSIDIARY_OF edge
// already in place); returns problem (null unless the parent now sits below the subsidiary). Ownership chains are
// short; 20 levels bound the search.
MATCH (child:Company)-[:HELD]->(f)-[:BY]->(parent:Company)
RETURN CASE WHEN EXISTS { (parent)-[:SUBSIDIARY_OF*1..20]->(child) } THEN {
  code: 'BAD_USER_INPUT',
  field: 'parentId',
  message: 'parentId: ' + parent.id + ' is itself below ' + child.id + '; the link would create a cycle'
} ELSE null END AS problem
