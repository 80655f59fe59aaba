// The shortest explained path between two companies over the chosen relation kinds, as of a date. Among equally
// short paths the one whose company ids sort first is returned (deterministic), with the number of ties.
// Params: $fromId, $toId, $kinds (relationship types: INVESTED_IN, SUPPLIES_COMPUTE, COMPETES_WITH, SUBSIDIARY_OF,
// ACQUIRED), $maxHops (1-6), $asOf. Bounded: at most 6 hops. Returns: companies (maps, in order), steps (as
// money-loops), ties (number of shortest paths). No row when there is no path within $maxHops.
MATCH (a:Company {id: $fromId})
MATCH (b:Company {id: $toId})
MATCH p = ALL SHORTEST (a)-[r:INVESTED_IN|SUPPLIES_COMPUTE|COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED
  WHERE type(r) IN $kinds
    AND ($asOf IS NULL OR coalesce(r.firstOn, r.since, r.announcedOn) IS NULL OR coalesce(r.firstOn, r.since, r.announcedOn) <= $asOf)
]-{1,6}(b)
WITH p
WHERE length(p) <= $maxHops
WITH p
ORDER BY [n IN nodes(p) | n.id]
WITH collect(p) AS paths
WHERE size(paths) > 0
WITH paths[0] AS p, size(paths) AS ties
CALL (p) {
  UNWIND range(0, length(p) - 1) AS k
  WITH k, relationships(p)[k] AS rel, nodes(p)[k] AS fromNode, nodes(p)[k + 1] AS toNode
  WITH k, rel, fromNode, toNode, startNode(rel) AS a, endNode(rel) AS b
  ORDER BY k
  RETURN collect({
    kind: type(rel),
    fromId: fromNode.id,
    toId: toNode.id,
    forward: a = fromNode,
    investments: [(a)-[:MADE]->(inv:Investment)-[:INTO]->(b)
      WHERE type(rel) = 'INVESTED_IN' AND ($asOf IS NULL OR inv.announcedOn <= $asOf)
      | inv {.*, investorId: a.id, investeeId: b.id, sourceIds: [(inv)-[:CITES]->(s:Source) | s.id]}],
    deals: [(a)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(b)
      WHERE type(rel) = 'SUPPLIES_COMPUTE' AND ($asOf IS NULL OR d.announcedOn <= $asOf)
      | d {.*, providerId: a.id, customerId: b.id, relatedInvestmentId: head([(d)-[:TIED_TO]->(ti:Investment) | ti.id]),
           sourceIds: [(d)-[:CITES]->(s:Source) | s.id]}],
    relationship: CASE WHEN type(rel) IN ['COMPETES_WITH', 'SUBSIDIARY_OF', 'ACQUIRED'] THEN rel {.*, startId: a.id, endId: b.id} END
  }) AS steps
}
RETURN [n IN nodes(p) | n {.*}] AS companies, steps, ties
