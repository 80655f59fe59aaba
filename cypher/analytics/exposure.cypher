// Money in and out of a company (with its subsidiaries when $rollUp), by counterparty, as of a date. Params:
// $companyId, $asOf, $rollUp. Bounded: ownership chains of 5 links.
// Returns: company (map), groupIds, fundedBy, invested, bought, sold (each one fact per position of three parallel
// lists: otherIds, amounts (-1: undisclosed), kinds ('': none)), tops (list of {id, topId}: the counterparties that
// roll up to a top-level parent other than themselves, when $rollUp). Flat lists of ids and numbers, not a map per
// fact or company: a hub's thousands of facts decode in milliseconds, and the caller reads only the companies it shows.
MATCH (c:Company {id: $companyId})
USING INDEX c:Company(id)
CALL (c) {
  MATCH (m:Company)-[links:SUBSIDIARY_OF*0..5]->(c)
  WHERE ($rollUp OR size(links) = 0)
    AND all(l IN links WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
  RETURN collect(DISTINCT m) AS group
}
CALL (group) {
  UNWIND group AS m
  MATCH (other:Company)-[:MADE]->(i:Investment)-[:INTO]->(m)
  WHERE NOT other IN group AND ($asOf IS NULL OR i.announcedOn <= $asOf)
  RETURN {otherIds: collect(other.id), amounts: collect(coalesce(i.amountUsd, -1)), kinds: collect(coalesce(i.amountKind, ''))} AS fundedBy
}
CALL (group) {
  UNWIND group AS m
  MATCH (m)-[:MADE]->(i:Investment)-[:INTO]->(other:Company)
  WHERE NOT other IN group AND ($asOf IS NULL OR i.announcedOn <= $asOf)
  RETURN {otherIds: collect(other.id), amounts: collect(coalesce(i.amountUsd, -1)), kinds: collect(coalesce(i.amountKind, ''))} AS invested
}
CALL (group) {
  UNWIND group AS m
  MATCH (other:Company)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(m)
  WHERE NOT other IN group AND ($asOf IS NULL OR d.announcedOn <= $asOf)
  RETURN {otherIds: collect(other.id), amounts: collect(coalesce(d.valueUsd, -1)), kinds: collect(coalesce(d.amountKind, ''))} AS bought
}
CALL (group) {
  UNWIND group AS m
  MATCH (m)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(other:Company)
  WHERE NOT other IN group AND ($asOf IS NULL OR d.announcedOn <= $asOf)
  RETURN {otherIds: collect(other.id), amounts: collect(coalesce(d.valueUsd, -1)), kinds: collect(coalesce(d.amountKind, ''))} AS sold
}
// Top-level parents, for the few counterparties that have a parent at all (most have none: no search for them).
CALL (fundedBy, invested, bought, sold) {
  UNWIND fundedBy.otherIds + invested.otherIds + bought.otherIds + sold.otherIds AS otherId
  WITH DISTINCT otherId
  MATCH (other:Company {id: otherId})-[:SUBSIDIARY_OF]->()
  WHERE $rollUp
  WITH DISTINCT other
  CALL (other) {
    MATCH up = (other)-[links:SUBSIDIARY_OF*1..5]->(top:Company)
    WHERE all(l IN links WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
    RETURN top
    ORDER BY length(up) DESC
    LIMIT 1
  }
  RETURN collect({id: other.id, topId: top.id}) AS tops
}
RETURN {{> company-map c}} AS company,
       [m IN group | m.id] AS groupIds, fundedBy, invested, bought, sold, tops
