// One page of compute deals. Params: $providerId, $customerId, $from, $to (dates), $minValueUsd, $statuses,
// $resources (each null to skip), $sortField ('ANNOUNCED_ON' | 'VALUE'), $descending, $skip, $limit.
// Returns: deal, provider, customer (maps).
MATCH (provider:Company)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(customer:Company)
WHERE ($providerId IS NULL OR provider.id = $providerId)
  AND ($customerId IS NULL OR customer.id = $customerId)
  AND ($from IS NULL OR d.announcedOn >= $from)
  AND ($to IS NULL OR d.announcedOn <= $to)
  AND ($minValueUsd IS NULL OR d.valueUsd >= $minValueUsd)
  AND ($statuses IS NULL OR d.status IN $statuses)
  AND ($resources IS NULL OR d.resource IN $resources)
RETURN d {.*, providerId: provider.id, customerId: customer.id, relatedInvestmentId: head([(d)-[:TIED_TO]->(ti:Investment) | ti.id]), sourceIds: [(d)-[:CITES]->(s:Source) | s.id]} AS deal,
       provider {.*} AS provider,
       customer {.*} AS customer
ORDER BY
  CASE WHEN $sortField = 'ANNOUNCED_ON' AND NOT $descending THEN d.announcedOn END ASC,
  CASE WHEN $sortField = 'ANNOUNCED_ON' AND $descending THEN d.announcedOn END DESC,
  CASE WHEN $sortField = 'VALUE' AND NOT $descending THEN d.valueUsd END ASC,
  CASE WHEN $sortField = 'VALUE' AND $descending THEN coalesce(d.valueUsd, -1) END DESC,
  d.id ASC
SKIP $skip
LIMIT $limit
