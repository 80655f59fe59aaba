// The first change after $seq to any of $entityIds, if there is one (what a revert would overwrite).
// Params: $seq, $entityIds. Returns: seq, entityType, entityId, operation.
UNWIND $entityIds AS entityId
MATCH (c:Change)
WHERE c.entityId = entityId AND c.seq > $seq
RETURN c.seq AS seq, c.entityType AS entityType, c.entityId AS entityId, c.operation AS operation
ORDER BY seq
LIMIT 1
