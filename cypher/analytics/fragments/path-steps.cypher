// Fragment: the steps of a path or loop, with every relation between each step's two companies and the facts behind
// each, in the request's scope. Expects pathNodes (companies in order) and pathRels (the derived company-to-company
// relationships between them) in scope, and $stepKinds (the relation kinds a step lists besides its own); binds steps
// (fromId, toId, relations: the step's own relation first, then the others between the same two companies that hold,
// each with kind, forward and facts: the facts of the relation that count, oldest first, each as its type's map),
// read by explainSteps.
CALL (pathNodes, pathRels) {
  UNWIND range(0, size(pathRels) - 1) AS k
  WITH k, pathRels[k] AS rel, pathNodes[k] AS fromNode, pathNodes[k + 1] AS toNode
  CALL (rel, fromNode, toNode) {
    MATCH (fromNode)-[o:{{> relation-types}}]-(toNode)
    WHERE o = rel OR (type(o) IN $stepKinds AND {{> edge-counts o}} AND {{> edge-holds o}})
    WITH o, rel, fromNode, startNode(o) AS a, endNode(o) AS b
    ORDER BY CASE WHEN o = rel THEN 0 ELSE 1 END, type(o), coalesce(o.id, '')
    RETURN collect({
      kind: type(o),
      forward: a = fromNode,
      facts: [x IN {{> edge-facts o}} | {{> fact-map-any x}}]
    }) AS relations
  }
  WITH k, fromNode, toNode, relations
  ORDER BY k
  RETURN collect({fromId: fromNode.id, toId: toNode.id, relations: relations}) AS steps
}
