// Deletes a company with the investments and compute deals it takes part in (callers check facts first unless
// cascading). Params: $id. Returns: deleted (0 or 1), facts (number of fact nodes removed with it).
MATCH (c:Company {id: $id})
OPTIONAL MATCH (c)-[:MADE|INTO|SUPPLIES|TO]-(fact)
WHERE fact:Investment OR fact:ComputeDeal
WITH c, collect(DISTINCT fact) AS facts
FOREACH (f IN facts | DETACH DELETE f)
DETACH DELETE c
RETURN 1 AS deleted, size(facts) AS facts
