// One page of sources, newest first (undated last). Params: $publisher (null for all), $skip, $limit. Returns: source (map).
// Maps list exactly the properties toSourceRecord reads; a property added there must be added here.
MATCH (s:Source)
WHERE $publisher IS NULL OR toLower(s.publisher) CONTAINS toLower($publisher)
RETURN s {.id, .url, .publisher, .title, .publishedOn, .publishedPrecision} AS source
ORDER BY s.publishedOn IS NULL, s.publishedOn DESC, s.id
SKIP $skip
LIMIT $limit
