// Number of investments matching a filter. Params: as list-investments without sort and paging. Returns: total.
MATCH (investor:Company)-[:MADE]->(i:Investment)-[:INTO]->(investee:Company)
WHERE ($investorId IS NULL OR investor.id = $investorId)
  AND ($investeeId IS NULL OR investee.id = $investeeId)
  AND ($from IS NULL OR i.announcedOn >= $from)
  AND ($to IS NULL OR i.announcedOn <= $to)
  AND ($minAmountUsd IS NULL OR i.amountUsd >= $minAmountUsd)
  AND ($statuses IS NULL OR i.status IN $statuses)
  AND ($amountKinds IS NULL OR i.amountKind IN $amountKinds)
RETURN count(i) AS total
