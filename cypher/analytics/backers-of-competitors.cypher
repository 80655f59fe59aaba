// Who backs the competitors of a company. Params: $companyId, $asOf (date or null), $rollUp (boolean), $limit.
// With $rollUp, the target's subsidiaries' rivalries count as the target's, investments into a competitor's
// subsidiaries count for the competitor, and each backer is its top-level parent (links valid as of $asOf).
// Bounded: ownership chains of at most 5 links, $limit rows.
// Returns per (competitor, backer): competitor, backer (maps), rivalries (rivalry maps with the target-side member),
// investments (investment rows: investment, investor, investee), hedges (the backer group's investments into the
// target group, same shape).
// Maps list exactly the properties toCompanyRecord, toInvestmentRecord and toRivalryRecord read;
// a property added there must be added here.
MATCH (x:Company {id: $companyId})
USING INDEX x:Company(id)
CALL (x) {
  MATCH (m:Company)-[links:SUBSIDIARY_OF*0..5]->(x)
  WHERE ($rollUp OR size(links) = 0)
    AND all(l IN links WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
  RETURN collect(DISTINCT m) AS targetGroup
}
UNWIND targetGroup AS member
MATCH (member)-[r:COMPETES_WITH]-(c:Company)
WHERE NOT c IN targetGroup
  AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
WITH targetGroup, c, collect(DISTINCT r {.id, .market, .since, .sincePrecision, .note, .sourceIds,
                                         companyIds: [startNode(r).id, endNode(r).id], memberId: member.id}) AS rivalries
CALL (c) {
  MATCH (cm:Company)-[links:SUBSIDIARY_OF*0..5]->(c)
  WHERE ($rollUp OR size(links) = 0)
    AND all(l IN links WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
  MATCH (investor:Company)-[:MADE]->(i:Investment)-[:INTO]->(cm)
  WHERE $asOf IS NULL OR i.announcedOn <= $asOf
  CALL (investor) {
    MATCH up = (investor)-[links:SUBSIDIARY_OF*0..5]->(top:Company)
    WHERE ($rollUp OR size(links) = 0)
      AND all(l IN links WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
    RETURN top AS backer
    ORDER BY length(up) DESC
    LIMIT 1
  }
  WITH backer, investor, i, cm
  ORDER BY i.announcedOn, i.id
  RETURN backer, collect({
    investment: i {.id, .amountUsd, .amountKind, .announcedOn, .announcedPrecision, .closedOn, .closedPrecision, .round,
                   .stakePercent, .valuationUsd, .instrument, .status, .note,
                   investorId: investor.id, investeeId: cm.id, sourceIds: [(i)-[:CITES]->(s:Source) | s.id]},
    investor: investor {.id, .name, .aliases, .kind, .country, .founded, .website, .description},
    investee: cm {.id, .name, .aliases, .kind, .country, .founded, .website, .description}
  }) AS investments
}
WITH targetGroup, c, rivalries, backer, investments
WHERE backer <> c
CALL (backer, targetGroup) {
  MATCH (bm:Company)-[links:SUBSIDIARY_OF*0..5]->(backer)
  WHERE ($rollUp OR size(links) = 0)
    AND all(l IN links WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
  MATCH (bm)-[:MADE]->(h:Investment)-[:INTO]->(t:Company)
  WHERE t IN targetGroup AND ($asOf IS NULL OR h.announcedOn <= $asOf)
  WITH bm, h, t
  ORDER BY h.announcedOn, h.id
  RETURN collect({
    investment: h {.id, .amountUsd, .amountKind, .announcedOn, .announcedPrecision, .closedOn, .closedPrecision, .round,
                   .stakePercent, .valuationUsd, .instrument, .status, .note,
                   investorId: bm.id, investeeId: t.id, sourceIds: [(h)-[:CITES]->(s:Source) | s.id]},
    investor: bm {.id, .name, .aliases, .kind, .country, .founded, .website, .description},
    investee: t {.id, .name, .aliases, .kind, .country, .founded, .website, .description}
  }) AS hedges
}
RETURN c {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS competitor,
       backer {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS backer,
       rivalries, investments, hedges
ORDER BY c.name, backer.name
LIMIT $limit
