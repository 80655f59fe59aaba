// A takedown: removes the before and after images of every change to $entityId from the log, keeping who changed
// what and when, and logs the redaction itself (kind UPDATED on the ChangeLog, naming the changes it redacted; it
// cannot be reverted). Params: $entityId, $change. Returns: redacted (how many changes), redactedBy (its seq).
MATCH (c:Change)
WHERE c.entityId = $entityId AND c.entityType <> 'ChangeLog'
WITH collect(c) AS changes
WITH changes, [{entityType: 'ChangeLog', entityId: $entityId, kind: 'UPDATED', before: null, after: {redactedSeqs: [c IN changes | c.seq]}, companyIds: [], revertible: false}] AS logged
WHERE size(changes) > 0
{{> append-changes logged}}
MATCH (h:ChangeLog {id: 'head'})
WITH changes, h.seq AS redactedBy
UNWIND changes AS c
OPTIONAL MATCH (c)-[:BEFORE|AFTER]->(image:ChangeImage)
DETACH DELETE image
WITH DISTINCT c, redactedBy
SET c.redactedBy = redactedBy
RETURN count(c) AS redacted, redactedBy
