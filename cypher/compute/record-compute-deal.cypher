// Creates or overwrites a compute deal by id. Params: $id, $providerId, $customerId, $props (map; nulls clear).
// Returns: id. updatedAt moves only when a property changed, so re-recording the same fact changes nothing. Callers check the parties exist and match any existing record first.
MATCH (provider:Company {id: $providerId})
MATCH (customer:Company {id: $customerId})
MERGE (d:ComputeDeal {id: $id})
ON CREATE SET d.createdAt = datetime()
WITH *, properties(d) AS before
SET d += $props
SET d.updatedAt = CASE WHEN properties(d) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
MERGE (provider)-[:SUPPLIES]->(d)
MERGE (d)-[:TO]->(customer)
RETURN d.id AS id
