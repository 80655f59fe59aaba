// Export: one keyset page of sources in id order. Params: $after ('' for the first page), $limit.
// Returns: source (map).
MATCH (s:Source)
WHERE s.id > $after
WITH s
ORDER BY s.id
LIMIT $limit
RETURN {{> source-map s}} AS source
