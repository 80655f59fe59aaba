// Fragment: the backers of both sides of one rivalry: investors (rolled up to their top-level parent when $rollUp)
// holding investments in side a's group and in side b's group (a side's subsidiaries count for it when $rollUp), as
// of $asOf. Expects a, b, r in scope; binds backer, investmentsA, investmentsB (investment rows: investment, investor,
// investee), one row per backer, none when nobody backs both sides.
// Maps list exactly the properties toCompanyRecord and toInvestmentRecord read; a property added there must be added
// here.
CALL (a) {
  MATCH (am:Company)-[links:SUBSIDIARY_OF*0..5]->(a)
  WHERE ($rollUp OR size(links) = 0)
    AND all(l IN links WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
  MATCH (investor:Company)-[:MADE]->(i:Investment)-[:INTO]->(am)
  WHERE $asOf IS NULL OR i.announcedOn <= $asOf
  CALL (investor) {
    MATCH up = (investor)-[links:SUBSIDIARY_OF*0..5]->(top:Company)
    WHERE ($rollUp OR size(links) = 0)
      AND all(l IN links WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
    RETURN top AS backer
    ORDER BY length(up) DESC
    LIMIT 1
  }
  WITH backer, investor, i, am
  ORDER BY i.announcedOn, i.id
  RETURN backer, collect({
    investment: i {.id, .amountUsd, .amountKind, .announcedOn, .announcedPrecision, .closedOn, .closedPrecision, .round,
                   .stakePercent, .valuationUsd, .instrument, .status, .note,
                   investorId: investor.id, investeeId: am.id, sourceIds: [(i)-[:CITES]->(s:Source) | s.id]},
    investor: investor {.id, .name, .aliases, .kind, .country, .founded, .website, .description},
    investee: am {.id, .name, .aliases, .kind, .country, .founded, .website, .description}
  }) AS investmentsA
}
CALL (b, backer) {
  MATCH (bm:Company)-[links:SUBSIDIARY_OF*0..5]->(b)
  WHERE ($rollUp OR size(links) = 0)
    AND all(l IN links WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
  MATCH (investor:Company)-[:MADE]->(i:Investment)-[:INTO]->(bm)
  WHERE $asOf IS NULL OR i.announcedOn <= $asOf
  MATCH up = (investor)-[links2:SUBSIDIARY_OF*0..5]->(backer)
  WHERE ($rollUp OR size(links2) = 0)
    AND all(l IN links2 WHERE $asOf IS NULL OR l.since IS NULL OR l.since <= $asOf)
  WITH DISTINCT investor, i, bm
  ORDER BY i.announcedOn, i.id
  RETURN collect({
    investment: i {.id, .amountUsd, .amountKind, .announcedOn, .announcedPrecision, .closedOn, .closedPrecision, .round,
                   .stakePercent, .valuationUsd, .instrument, .status, .note,
                   investorId: investor.id, investeeId: bm.id, sourceIds: [(i)-[:CITES]->(s:Source) | s.id]},
    investor: investor {.id, .name, .aliases, .kind, .country, .founded, .website, .description},
    investee: bm {.id, .name, .aliases, .kind, .country, .founded, .website, .description}
  }) AS investmentsB
}
WITH a, b, r, backer, investmentsA, investmentsB
WHERE size(investmentsB) > 0 AND backer <> a AND backer <> b
