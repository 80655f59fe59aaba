// Who backs the competitors of a company. Params: $companyId, $asOf (date or null), $rollUp (boolean), $limit.
// With $rollUp, the target's subsidiaries' rivalries count as the target's, investments into a competitor's
// subsidiaries count for the competitor, and each backer is its top-level parent (links valid as of $asOf).
// Bounded: ownership chains of at most 5 links, $limit rows.
// Returns per (competitor, backer): competitor, backer (maps), rivalries ({rivalry, member}: the rivalry facts and the
// target-side member company), investments (investment rows: investment, investor, investee), hedges (the backer group's
// investments into the target group, same shape). Projections come from the fact definitions (fact-map, company-map).
MATCH (x:Company {id: $companyId})
USING INDEX x:Company(id)
CALL (x) {
  {{> group-members x m}}
  RETURN collect(DISTINCT m) AS targetGroup
}
UNWIND targetGroup AS member
MATCH (member)-[:COMPETES_IN]->(rv:Rivalry)<-[:COMPETES_IN]-(c:Company)
WHERE NOT c IN targetGroup
  AND {{> fact-counts rv}}
WITH targetGroup, c, collect(DISTINCT {rivalry: {{> fact-map Rivalry rv}}, member: {{> company-map member}}}) AS rivalries
CALL (c) {
  {{> group-members c cm}}
  MATCH (investor:Company)-[:MADE]->(i:Investment)-[:INTO]->(cm)
  WHERE {{> fact-counts i}}
  {{> top-parent investor backer}}
  WITH backer, investor, i, cm
  ORDER BY i.announcedOn, i.id
  RETURN backer, collect({
    investment: {{> fact-map Investment i}},
    investor: {{> company-map investor}},
    investee: {{> company-map cm}}
  }) AS investments
}
WITH targetGroup, c, rivalries, backer, investments
WHERE backer <> c
CALL (backer, targetGroup) {
  {{> group-members backer bm}}
  MATCH (bm)-[:MADE]->(h:Investment)-[:INTO]->(t:Company)
  WHERE t IN targetGroup AND {{> fact-counts h}}
  WITH bm, h, t
  ORDER BY h.announcedOn, h.id
  RETURN collect({
    investment: {{> fact-map Investment h}},
    investor: {{> company-map bm}},
    investee: {{> company-map t}}
  }) AS hedges
}
RETURN {{> company-map c}} AS competitor,
       {{> company-map backer}} AS backer,
       rivalries, investments, hedges
ORDER BY c.name, backer.name
LIMIT $limit
