// Changes some properties of a compute deal. Params: $id, $changes (map; nulls clear).
// Returns: id, providerId, customerId (no row if unknown).
MATCH (provider:Company)-[:SUPPLIES]->(d:ComputeDeal {id: $id})-[:TO]->(customer:Company)
SET d += $changes, d.updatedAt = datetime()
RETURN d.id AS id, provider.id AS providerId, customer.id AS customerId
