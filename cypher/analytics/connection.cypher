// The shortest explained path between two companies over the chosen relation kinds, as of a date. Among equally
// short paths the one whose company ids sort first is returned (deterministic), with the number of ties.
// Params: $fromId, $toId, $kinds (relationship types: INVESTED_IN, SUPPLIES_COMPUTE, COMPETES_WITH, SUBSIDIARY_OF,
// ACQUIRED), $maxHops (1-6), $asOf. Bounded: at most 6 hops. Returns: companies (maps, in order), steps (as
// money-loops), ties (number of shortest paths). No row when there is no path within $maxHops.
// Maps list exactly the properties toCompanyRecord, toInvestmentRecord, toComputeDealRecord and explainSteps read;
// a property added there must be added here.
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
      | inv {.id, .amountUsd, .amountKind, .announcedOn, .announcedPrecision, .closedOn, .closedPrecision, .round,
             .stakePercent, .valuationUsd, .instrument, .status, .note,
             investorId: a.id, investeeId: b.id, sourceIds: [(inv)-[:CITES]->(s:Source) | s.id]}],
    deals: [(a)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(b)
      WHERE type(rel) = 'SUPPLIES_COMPUTE' AND ($asOf IS NULL OR d.announcedOn <= $asOf)
      | d {.id, .valueUsd, .amountKind, .announcedOn, .announcedPrecision, .startsOn, .startsPrecision, .endsOn,
           .endsPrecision, .resource, .capacity, .status, .note,
           providerId: a.id, customerId: b.id, relatedInvestmentId: head([(d)-[:TIED_TO]->(ti:Investment) | ti.id]),
           sourceIds: [(d)-[:CITES]->(s:Source) | s.id]}],
    relationship: CASE WHEN type(rel) IN ['COMPETES_WITH', 'SUBSIDIARY_OF', 'ACQUIRED']
      THEN rel {.id, .kind, .market, .since, .sincePrecision, .announcedOn, .announcedPrecision, .amountUsd, .amountKind,
                .note, .sourceIds, startId: a.id, endId: b.id} END
  }) AS steps
}
RETURN [n IN nodes(p) | n {.id, .name, .aliases, .kind, .country, .founded, .website, .description}] AS companies,
       steps, ties
