// Sources by id, for the per-request source loader. Params: $ids. Returns: source (map).
// Maps list exactly the properties toSourceRecord reads; a property added there must be added here.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.id, .url, .publisher, .title, .publishedOn, .publishedPrecision} AS source
