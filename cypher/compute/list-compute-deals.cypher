// One page of compute deals. Params: $providerId, $customerId, $from, $to (dates), $minValueUsd, $statuses,
// $resources (each null to skip), $sortField ('ANNOUNCED_ON' | 'VALUE'), $descending, $skip, $limit.
// Returns: deal, provider, customer (maps).
// Maps list exactly the properties toComputeDealRecord and toCompanyRecord read;
// a property added there must be added here.
MATCH (provider:Company)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(customer:Company)
WHERE ($providerId IS NULL OR provider.id = $providerId)
  AND ($customerId IS NULL OR customer.id = $customerId)
  AND ($from IS NULL OR d.announcedOn >= $from)
  AND ($to IS NULL OR d.announcedOn <= $to)
  AND ($minValueUsd IS NULL OR d.valueUsd >= $minValueUsd)
  AND ($statuses IS NULL OR d.status IN $statuses)
  AND ($resources IS NULL OR d.resource IN $resources)
RETURN d {.id, .valueUsd, .amountKind, .announcedOn, .announcedPrecision, .startsOn, .startsPrecision, .endsOn,
          .endsPrecision, .resource, .capacity, .status, .note,
          providerId: provider.id, customerId: customer.id,
          relatedInvestmentId: head([(d)-[:TIED_TO]->(ti:Investment) | ti.id]),
          sourceIds: [(d)-[:CITES]->(s:Source) | s.id]} AS deal,
       provider {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS provider,
       customer {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS customer
ORDER BY
  CASE WHEN $sortField = 'ANNOUNCED_ON' AND NOT $descending THEN d.announcedOn END ASC,
  CASE WHEN $sortField = 'ANNOUNCED_ON' AND $descending THEN d.announcedOn END DESC,
  CASE WHEN $sortField = 'VALUE' AND NOT $descending THEN d.valueUsd END ASC,
  CASE WHEN $sortField = 'VALUE' AND $descending THEN coalesce(d.valueUsd, -1) END DESC,
  d.id ASC
SKIP $skip
LIMIT $limit
