// Export as of a day: which of the given facts were known by then (the as-of rule: their first event's period ended
// by $asOfDay), so a link to a fact not yet known is left out. Params: $ids, $asOfDay (ISO day), $includeImprecise.
// Returns: known (ids).
UNWIND $ids AS id
MATCH (f:Fact {id: id})
USING INDEX f:Fact(id)
WITH f
WHERE {{> fact-known f}}
RETURN collect(f.id) AS known
