// Deletes a company with every fact it takes part in (callers check facts first unless cascading), keeping the
// derived relationships of its other companies right: a fact's derived edge always touches the company, so it goes
// with it. Params: $id, $partyRels. Returns: deleted (1), facts (number of fact nodes removed with it).
MATCH (c:Company {id: $id})
OPTIONAL MATCH (c)-[r]-(fact:Fact)
WHERE type(r) IN $partyRels
WITH c, collect(DISTINCT fact) AS facts
FOREACH (f IN facts | DETACH DELETE f)
DETACH DELETE c
RETURN 1 AS deleted, size(facts) AS facts
