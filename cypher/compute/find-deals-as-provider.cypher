// Compute deals in which each company supplies, announced on or before $asOf (null: all). Params: $ids, $asOf.
// Returns: id (the provider), deal, provider, customer (maps), oldest first.
UNWIND $ids AS id
MATCH (provider:Company {id: id})-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(customer:Company)
WHERE $asOf IS NULL OR d.announcedOn <= $asOf
RETURN id,
       d {.*, providerId: provider.id, customerId: customer.id, relatedInvestmentId: head([(d)-[:TIED_TO]->(ti:Investment) | ti.id]), sourceIds: [(d)-[:CITES]->(s:Source) | s.id]} AS deal,
       provider {.*} AS provider,
       customer {.*} AS customer
ORDER BY d.announcedOn, d.id
