// Number of compute deals matching a filter. Params: as list-compute-deals without sort and paging. Returns: total.
MATCH (provider:Company)-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(customer:Company)
WHERE ($providerId IS NULL OR provider.id = $providerId)
  AND ($customerId IS NULL OR customer.id = $customerId)
  AND ($from IS NULL OR d.announcedOn >= $from)
  AND ($to IS NULL OR d.announcedOn <= $to)
  AND ($minValueUsd IS NULL OR d.valueUsd >= $minValueUsd)
  AND ($statuses IS NULL OR d.status IN $statuses)
  AND ($resources IS NULL OR d.resource IN $resources)
RETURN count(d) AS total
