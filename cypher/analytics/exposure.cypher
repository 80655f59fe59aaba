// Money in and out of a company (with its subsidiaries when $rollUp), by counterparty, as of a date. Params:
// $companyId, $asOf, $rollUp. Bounded: ownership chains of 5 links.
// Params also the scope's ($asOfDay, $includeImprecise, $statuses, $minConfidenceRank: see the fact-counts fragment).
// Returns: company (map), groupIds, fundedBy, invested, bought, sold (each one fact per position of two parallel
// lists: otherIds, moneys ([paid, committed, ceiling, contract, stake, undisclosed] as of the date)), tops (list of {id, topId}: the counterparties that
// roll up to a top-level parent other than themselves, when $rollUp). Flat lists of ids and numbers, not a map per
// fact or company: a hub's thousands of facts decode in milliseconds, and the caller reads only the companies it shows.
MATCH (c:Company {id: $companyId})
USING INDEX c:Company(id)
CALL (c) {
  {{> group-members c m}}
  RETURN collect(DISTINCT m) AS group
}
CALL (group) {
  UNWIND group AS m
  MATCH (other:Company)-[:MADE]->(i:Investment)-[:INTO]->(m)
  WHERE NOT other IN group AND {{> fact-counts i}}
  RETURN {otherIds: collect(other.id), moneys: collect({{> fact-money i}})} AS fundedBy
}
CALL (group) {
  UNWIND group AS m
  MATCH (m)-[:MADE]->(i:Investment)-[:INTO]->(other:Company)
  WHERE NOT other IN group AND {{> fact-counts i}}
  RETURN {otherIds: collect(other.id), moneys: collect({{> fact-money i}})} AS invested
}
CALL (group) {
  UNWIND group AS m
  MATCH (other:Company)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(m)
  WHERE NOT other IN group AND {{> fact-counts d}}
  RETURN {otherIds: collect(other.id), moneys: collect({{> fact-money d}})} AS bought
}
CALL (group) {
  UNWIND group AS m
  MATCH (m)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(other:Company)
  WHERE NOT other IN group AND {{> fact-counts d}}
  RETURN {otherIds: collect(other.id), moneys: collect({{> fact-money d}})} AS sold
}
// Top-level parents, for the few counterparties that have a parent at all (most have none: no search for them).
CALL (fundedBy, invested, bought, sold) {
  UNWIND fundedBy.otherIds + invested.otherIds + bought.otherIds + sold.otherIds AS otherId
  WITH DISTINCT otherId
  MATCH (other:Company {id: otherId})-[:SUBSIDIARY_OF]->()
  WHERE $rollUp
  WITH DISTINCT other
  {{> top-parent other top}}
  WITH other, top WHERE top <> other
  RETURN collect({id: other.id, topId: top.id}) AS tops
}
RETURN {{> company-map c}} AS company,
       [m IN group | m.id] AS groupIds, fundedBy, invested, bought, sold, tops
