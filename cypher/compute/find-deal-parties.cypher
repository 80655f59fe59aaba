// Who an existing compute deal is between. Params: $id. Returns: providerId, customerId (no row when new).
MATCH (provider:Company)-[:SUPPLIES]->(d:ComputeDeal {id: $id})-[:TO]->(customer:Company)
RETURN provider.id AS providerId, customer.id AS customerId
