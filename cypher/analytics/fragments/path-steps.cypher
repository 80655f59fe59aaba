// Fragment: the steps of a path or loop, with the facts behind each, as of $asOf. Expects pathNodes (companies in
// order) and pathRels (the derived company-to-company relationships between them) in scope; binds steps (kind,
// fromId, toId, forward, investments, deals: the money facts between the two; fact: the rivalry, subsidiary link
// or acquisition a step rests on), read by explainSteps.
CALL (pathNodes, pathRels) {
  UNWIND range(0, size(pathRels) - 1) AS k
  WITH k, pathRels[k] AS rel, pathNodes[k] AS fromNode, pathNodes[k + 1] AS toNode
  WITH k, rel, fromNode, toNode, startNode(rel) AS a, endNode(rel) AS b
  ORDER BY k
  RETURN collect({
    kind: type(rel),
    fromId: fromNode.id,
    toId: toNode.id,
    forward: a = fromNode,
    investments: [(a)-[:MADE]->(inv:Investment)-[:INTO]->(b)
      WHERE type(rel) = 'INVESTED_IN' AND ($asOf IS NULL OR inv.announcedOn <= $asOf)
      | {{> fact-map Investment inv}}],
    deals: [(a)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(b)
      WHERE type(rel) = 'SUPPLIES_COMPUTE' AND ($asOf IS NULL OR d.announcedOn <= $asOf)
      | {{> fact-map ComputeDeal d}}],
    fact: CASE WHEN type(rel) IN ['COMPETES_WITH', 'SUBSIDIARY_OF', 'ACQUIRED']
      THEN COLLECT { MATCH (x:Fact {id: rel.id}) RETURN {{> fact-map-any x}} }[0] END
  }) AS steps
}
