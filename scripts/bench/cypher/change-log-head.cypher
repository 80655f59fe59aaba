// The change log's last sequence number (0 for an empty log).
OPTIONAL MATCH (h:ChangeLog {id: 'head'})
RETURN coalesce(h.seq, 0) AS seq
