// Money in and out of a company (with its subsidiaries when $rollUp), by counterparty (rolled up to its top-level
// parent when $rollUp), as of a date. Params: $companyId, $asOf, $rollUp. Bounded: ownership chains of 5 links.
// Returns: company (map), groupIds, fundedBy, invested, bought, sold (lists of {otherId, fact: {id, amountUsd,
// amountKind}}), tops (list of {id, top (map)}: each counterparty's top-level parent, itself when not rolling up).
// Maps list exactly the properties toCompanyRecord reads; a property added there must be added here.
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
  OPTIONAL MATCH (other:Company)-[:MADE]->(i:Investment)-[:INTO]->(m)
  WHERE NOT other IN group AND ($asOf IS NULL OR i.announcedOn <= $asOf)
  RETURN collect({otherId: other.id, fact: {id: i.id, amountUsd: i.amountUsd, amountKind: i.amountKind}}) AS fundedBy
}
CALL (group) {
  UNWIND group AS m
  OPTIONAL MATCH (m)-[:MADE]->(i:Investment)-[:INTO]->(other:Company)
  WHERE NOT other IN group AND ($asOf IS NULL OR i.announcedOn <= $asOf)
  RETURN collect({otherId: other.id, fact: {id: i.id, amountUsd: i.amountUsd, amountKind: i.amountKind}}) AS invested
}
CALL (group) {
  UNWIND group AS m
  OPTIONAL MATCH (other:Company)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(m)
  WHERE NOT other IN group AND ($asOf IS NULL OR d.announcedOn <= $asOf)
  RETURN collect({otherId: other.id, fact: {id: d.id, amountUsd: d.valueUsd, amountKind: d.amountKind}}) AS bought
}
CALL (group) {
  UNWIND group AS m
  OPTIONAL MATCH (m)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(other:Company)
  WHERE NOT other IN group AND ($asOf IS NULL OR d.announcedOn <= $asOf)
  RETURN collect({otherId: other.id, fact: {id: d.id, amountUsd: d.valueUsd, amountKind: d.amountKind}}) AS sold
}
WITH c, group, [e IN fundedBy WHERE e.otherId IS NOT NULL] + [e IN invested WHERE e.otherId IS NOT NULL] +
     [e IN bought WHERE e.otherId IS NOT NULL] + [e IN sold WHERE e.otherId IS NOT NULL] AS entries,
     fundedBy, invested, bought, sold
UNWIND (CASE WHEN size(entries) = 0 THEN [null] ELSE entries END) AS entry
OPTIONAL MATCH (other:Company {id: entry.otherId})
CALL (other) {
  OPTIONAL MATCH up = (other)-[links:SUBSIDIARY_OF*0..5]->(top:Company)
  WHERE ($rollUp OR size(links) = 0)
    AND all(l IN links WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
  RETURN top
  ORDER BY length(up) DESC
  LIMIT 1
}
WITH c, group, fundedBy, invested, bought, sold,
     collect(DISTINCT {id: other.id, top: top {.id, .name, .aliases, .kind, .country, .founded, .website, .description}}) AS tops
RETURN c {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS company,
       [m IN group | m.id] AS groupIds, fundedBy, invested, bought, sold,
       [t IN tops WHERE t.id IS NOT NULL] AS tops
