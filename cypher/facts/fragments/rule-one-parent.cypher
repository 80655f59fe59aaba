// Fragment (rule): a company has at most one parent. Expects f, the subsidiary link just written; returns problem
// (null unless the subsidiary has another link).
MATCH (child:Company)-[:HELD]->(f)
OPTIONAL MATCH (child)-[:HELD]->(other:SubsidiaryLink)-[:BY]->(otherParent:Company)
WHERE other <> f
WITH child, head(collect({id: other.id, parentId: otherParent.id})) AS clash
RETURN CASE WHEN clash.id IS NULL THEN null ELSE {
  code: 'CONFLICT',
  message: child.id + ' is already a subsidiary of ' + clash.parentId + ' (link "' + clash.id + '"); remove that link first'
} END AS problem
