// Fragment: the steps of a path or loop, with the facts behind each, as of $asOf. Expects pathNodes (companies in
// order) and pathRels (the derived company-to-company relationships between them) in scope; binds steps (kind,
// fromId, toId, forward, investments, deals, relationship), read by explainSteps.
// Maps list exactly the properties toInvestmentRecord, toComputeDealRecord and explainSteps read;
// a property added there must be added here.
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
