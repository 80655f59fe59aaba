// Retention: removes up to $batch of the oldest changes committed before $before (with their images and company
// index entries) and records the last seq removed, so a cursor older than it is refused rather than silently
// skipping. Params: $before (datetime text), $batch. Returns: removed, prunedThrough.
MATCH (c:Change)
WHERE c.at < datetime($before)
WITH c
ORDER BY c.seq
LIMIT $batch
OPTIONAL MATCH (c)-[:BEFORE|AFTER]->(image:ChangeImage)
DETACH DELETE image
WITH DISTINCT c
CALL (c) {
  UNWIND c.companyIds AS companyId
  MATCH (t:ChangeTouch {companyId: companyId, seq: c.seq})
  DELETE t
}
WITH c, c.seq AS seq
DETACH DELETE c
WITH count(*) AS removed, max(seq) AS upTo
OPTIONAL MATCH (h:ChangeLog {id: 'head'})
FOREACH (_ IN CASE WHEN h IS NOT NULL AND upTo IS NOT NULL AND upTo > coalesce(h.prunedThrough, 0) THEN [1] ELSE [] END | SET h.prunedThrough = upTo)
RETURN removed, coalesce(h.prunedThrough, 0) AS prunedThrough
