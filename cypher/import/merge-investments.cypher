// Bulk import: creates or overwrites investments by id with their parties and citations, one batch per
// transaction (the batched form of investment/record-investment + common/replace-citations). Params: $rows (list of
// {id, fromId (investor), toId (investee), props, sourceIds}). Returns: written (rows whose parties exist; the importer rolls
// the batch back when this falls short).
UNWIND $rows AS row
MATCH (investor:Company {id: row.fromId})
MATCH (investee:Company {id: row.toId})
MERGE (i:Investment {id: row.id})
ON CREATE SET i.createdAt = datetime()
WITH *, properties(i) AS before
SET i += row.props
SET i.updatedAt = CASE WHEN properties(i) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
WITH investor, investee, i, row, before.updatedAt IS NULL AS created
// A fact created in this batch has no relationships yet: CREATE them. MERGE would have to look for the pair among
// the busy investor's relationships already created in this transaction, which grows with the batch (quadratic).
CALL (investor, investee, i, row, created) {
  WITH * WHERE created
  CREATE (investor)-[:MADE]->(i), (i)-[:INTO]->(investee)
  WITH i, row
  UNWIND row.sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  CREATE (i)-[:CITES]->(s)
}
// A fact recorded before (a re-run): same parties (the pre-flight checked), citations replaced.
CALL (investor, investee, i, row, created) {
  WITH * WHERE NOT created
  MERGE (investor)-[:MADE]->(i)
  MERGE (i)-[:INTO]->(investee)
  WITH i, row
  CALL (i, row) {
    MATCH (i)-[old:CITES]->(s:Source)
    WHERE NOT s.id IN row.sourceIds
    DELETE old
  }
  UNWIND row.sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  MERGE (i)-[:CITES]->(s)
}
RETURN count(*) AS written
