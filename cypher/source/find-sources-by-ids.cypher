// Sources by id, for the per-request source loader. Params: $ids. Returns: source (map).
// Maps list exactly the properties toSourceRecord reads; a property added there must be added here.
// The id index is hinted: on some statistics the planner read the whole index instead of seeking each id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
USING INDEX s:Source(id)
RETURN s {.id, .url, .publisher, .title, .publishedOn, .publishedPrecision} AS source
