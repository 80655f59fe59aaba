// Sources by id, for the per-request source loader. Params: $ids. Returns: source (map).
// The id index is hinted: on some statistics the planner read the whole index instead of seeking each id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
USING INDEX s:Source(id)
RETURN {{> source-map s}} AS source
