// A hop of the neighbourhood the cap filled before (cypher/analytics/neighborhood.cypher), after a MATCH binding
// relationship r to a candidate company n: whether a drawn relation reaches one company there, as `beyond` (0 or 1).
// It stops at the first, so an answer says it was cut without searching a hop it cannot draw.
WITH n, r, {{> edge-facts r}} AS held
WITH n, held, {{> facts-headline held}} AS headline
WHERE {{> analytics/fragments/neighborhood-shown}}
WITH n LIMIT 1
WITH count(n) AS beyond
