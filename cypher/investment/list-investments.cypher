// One page of investments. Params: $investorId, $investeeId, $from, $to (dates), $minAmountUsd, $statuses,
// $amountKinds (each null to skip), $sortField ('ANNOUNCED_ON' | 'AMOUNT'), $descending, $skip, $limit.
// Returns: investment, investor, investee (maps).
// Maps list exactly the properties toInvestmentRecord and toCompanyRecord read;
// a property added there must be added here.
MATCH (investor:Company)-[:MADE]->(i:Investment)-[:INTO]->(investee:Company)
WHERE ($investorId IS NULL OR investor.id = $investorId)
  AND ($investeeId IS NULL OR investee.id = $investeeId)
  AND ($from IS NULL OR i.announcedOn >= $from)
  AND ($to IS NULL OR i.announcedOn <= $to)
  AND ($minAmountUsd IS NULL OR i.amountUsd >= $minAmountUsd)
  AND ($statuses IS NULL OR i.status IN $statuses)
  AND ($amountKinds IS NULL OR i.amountKind IN $amountKinds)
RETURN i {.id, .amountUsd, .amountKind, .announcedOn, .announcedPrecision, .closedOn, .closedPrecision, .round,
          .stakePercent, .valuationUsd, .instrument, .status, .note,
          investorId: investor.id, investeeId: investee.id, sourceIds: [(i)-[:CITES]->(s:Source) | s.id]} AS investment,
       investor {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS investor,
       investee {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS investee
ORDER BY
  CASE WHEN $sortField = 'ANNOUNCED_ON' AND NOT $descending THEN i.announcedOn END ASC,
  CASE WHEN $sortField = 'ANNOUNCED_ON' AND $descending THEN i.announcedOn END DESC,
  CASE WHEN $sortField = 'AMOUNT' AND NOT $descending THEN i.amountUsd END ASC,
  CASE WHEN $sortField = 'AMOUNT' AND $descending THEN coalesce(i.amountUsd, -1) END DESC,
  i.id ASC
SKIP $skip
LIMIT $limit
