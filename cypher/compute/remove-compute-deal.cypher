// Deletes a compute deal with its links (its sources stay). Params: $id.
// Returns: providerId, customerId (so the caller can refresh the derived edge; no row if unknown).
MATCH (provider:Company)-[:SUPPLIES]->(d:ComputeDeal {id: $id})-[:TO]->(customer:Company)
DETACH DELETE d
RETURN provider.id AS providerId, customer.id AS customerId
