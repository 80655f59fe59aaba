// The change log's last sequence number and the last one retention removed (0 when none). Returns: seq, prunedThrough.
OPTIONAL MATCH (h:ChangeLog {id: 'head'})
RETURN coalesce(h.seq, 0) AS seq, coalesce(h.prunedThrough, 0) AS prunedThrough
