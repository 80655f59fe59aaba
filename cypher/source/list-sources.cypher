// One page of sources, newest first (undated last). Params: $publisher (null for all), $skip, $limit. Returns: source (map).
MATCH (s:Source)
WHERE $publisher IS NULL OR toLower(s.publisher) CONTAINS toLower($publisher)
RETURN s {.*} AS source
ORDER BY s.publishedOn IS NULL, s.publishedOn DESC, s.id
SKIP $skip
LIMIT $limit
