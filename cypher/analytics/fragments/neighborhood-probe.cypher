// A hop of the neighbourhood the cap filled before (cypher/analytics/neighborhood.cypher), after a MATCH binding
// relationship r to a candidate company n: whether a drawn relation reaches one company there, as `beyond` (0 or 1).
// It stops at the first, so an answer says it was cut without searching a hop it cannot draw (hence per relation,
// not the layer's flat aggregation, which would read the whole hop first).
WITH n, COLLECT {
  UNWIND coalesce(r.factIds, [r.id]) AS heldId
  MATCH (held:Fact {id: heldId})
  WITH held, {{> fact-state-index held}} AS heldAt
  WHERE {{> fact-counts-at held heldAt}}
  RETURN 0.0 + [heldMoney IN [{{> fact-money-at held heldAt}}] | {{> money-headline heldMoney}}][0] AS headline
} AS headlines
WITH n, headlines, reduce(total = 0.0, h IN headlines | total + h) AS headline
WHERE size(headlines) > 0 AND {{> analytics/fragments/neighborhood-floor}}
WITH n LIMIT 1
WITH count(n) AS beyond
