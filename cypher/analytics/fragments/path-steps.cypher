// Fragment: the steps of a path or loop, with every relation between each step's two companies and the facts behind
// each, in the request's scope. Expects pathNodes (companies in order) and pathRels (the derived company-to-company
// relationships between them) in scope, and $stepKinds (the relation kinds a step lists besides its own); binds steps
// (fromId, toId, relations: the step's own relation first, then the others between the same two companies, each with
// kind, forward, investments and deals (the money facts between the two that count), fact: the rivalry, subsidiary
// link or acquisition it rests on), read by explainSteps.
CALL (pathNodes, pathRels) {
  UNWIND range(0, size(pathRels) - 1) AS k
  WITH k, pathRels[k] AS rel, pathNodes[k] AS fromNode, pathNodes[k + 1] AS toNode
  CALL (rel, fromNode, toNode) {
    MATCH (fromNode)-[o:INVESTED_IN|SUPPLIES_COMPUTE|COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED]-(toNode)
    WHERE o = rel OR (type(o) IN $stepKinds AND {{> edge-counts o}} AND {{> edge-holds o}})
    WITH o, rel, fromNode, startNode(o) AS a, endNode(o) AS b
    ORDER BY CASE WHEN o = rel THEN 0 ELSE 1 END, type(o), coalesce(o.id, '')
    RETURN collect({
      kind: type(o),
      forward: a = fromNode,
      investments: [(a)-[:MADE]->(inv:Investment)-[:INTO]->(b)
        WHERE type(o) = 'INVESTED_IN' AND {{> fact-counts inv}}
        | {{> fact-map Investment inv}}],
      deals: [(a)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(b)
        WHERE type(o) = 'SUPPLIES_COMPUTE' AND {{> fact-counts d}}
        | {{> fact-map ComputeDeal d}}],
      fact: CASE WHEN type(o) IN ['COMPETES_WITH', 'SUBSIDIARY_OF', 'ACQUIRED']
        THEN COLLECT { MATCH (x:Fact {id: o.id}) RETURN {{> fact-map-any x}} }[0] END
    }) AS relations
  }
  WITH k, fromNode, toNode, relations
  ORDER BY k
  RETURN collect({fromId: fromNode.id, toId: toNode.id, relations: relations}) AS steps
}
