// Money loops anywhere in the graph (see money-loops for the rules). Each cycle is reported once, rotated to start
// at its smallest company id. Starts from companies that made an investment. Params: $maxLength (2-6), $asOf,
// $limit. Returns: companies, steps (as money-loops).
// Maps list exactly the properties toCompanyRecord, toInvestmentRecord, toComputeDealRecord and explainSteps read;
// a property added there must be added here.
MATCH (s:Company)
WHERE EXISTS { (s)-[:INVESTED_IN|SUBSIDIARY_OF]->() }
MATCH p = (s)((x:Company)-[r:INVESTED_IN|SUPPLIES_COMPUTE|SUBSIDIARY_OF]-(y:Company)
  WHERE y.id >= s.id
    AND CASE type(r) WHEN 'SUPPLIES_COMPUTE' THEN startNode(r) = y ELSE startNode(r) = x END
    AND ($asOf IS NULL OR coalesce(r.firstOn, r.since) IS NULL OR coalesce(r.firstOn, r.since) <= $asOf)
){2,6}(s)
WHERE length(p) <= $maxLength
  AND all(k IN range(1, length(p) - 1) WHERE nodes(p)[k] <> s AND NOT nodes(p)[k] IN nodes(p)[k + 1..-1])
  AND any(rel IN relationships(p) WHERE type(rel) = 'INVESTED_IN')
WITH p
ORDER BY length(p), [n IN nodes(p) | n.id]
LIMIT $limit
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
RETURN [n IN nodes(p) | n {.id, .name, .aliases, .kind, .country, .founded, .website, .description}] AS companies, steps
