// Compute deals by id with both parties. Params: $ids. Returns: deal (map with providerId, customerId,
// relatedInvestmentId, sourceIds), provider (map), customer (map).
UNWIND $ids AS id
MATCH (provider:Company)-[:SUPPLIES]->(d:ComputeDeal {id: id})-[:TO]->(customer:Company)
RETURN d {.*, providerId: provider.id, customerId: customer.id, relatedInvestmentId: head([(d)-[:TIED_TO]->(ti:Investment) | ti.id]), sourceIds: [(d)-[:CITES]->(s:Source) | s.id]} AS deal,
       provider {.*} AS provider,
       customer {.*} AS customer
