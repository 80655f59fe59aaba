// Export as of a day: which of the given facts were known by then (their first event's period ended by $asOfDay,
// the `knownOn` every fact stores), so a link to a fact not yet known is left out. Params: $ids, $asOfDay (ISO day).
// Returns: known (ids).
UNWIND $ids AS id
MATCH (f:Fact {id: id})
USING INDEX f:Fact(id)
WITH f
WHERE f.knownOn <= $asOfDay
RETURN collect(f.id) AS known
