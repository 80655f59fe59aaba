// Bulk import: creates or overwrites compute deals by id with their parties, citations and related investment, one
// batch per transaction (the batched form of compute/record-compute-deal, common/replace-citations and
// compute/tie-deal-to-investment). Params: $rows (list of {id, fromId (provider), toId (customer), props, sourceIds,
// relatedInvestmentId}). Returns: written.
UNWIND $rows AS row
MATCH (provider:Company {id: row.fromId})
MATCH (customer:Company {id: row.toId})
MERGE (d:ComputeDeal {id: row.id})
ON CREATE SET d.createdAt = datetime()
WITH *, properties(d) AS before
SET d += row.props
SET d.updatedAt = CASE WHEN properties(d) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
MERGE (provider)-[:SUPPLIES]->(d)
MERGE (d)-[:TO]->(customer)
WITH d, row
CALL (d, row) {
  MATCH (d)-[old:CITES]->(s:Source)
  WHERE NOT s.id IN row.sourceIds
  DELETE old
}
CALL (d, row) {
  UNWIND row.sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  MERGE (d)-[:CITES]->(s)
}
CALL (d, row) {
  MATCH (d)-[old:TIED_TO]->(i:Investment)
  WHERE i.id <> coalesce(row.relatedInvestmentId, '')
  DELETE old
}
CALL (d, row) {
  MATCH (i:Investment {id: row.relatedInvestmentId})
  MERGE (d)-[:TIED_TO]->(i)
}
RETURN count(*) AS written
