// Deletes a company with every fact it takes part in (callers check facts first unless cascading), keeping the
// derived relationships of its other companies right: a fact's derived edge always touches the company, so it goes
// with it. The other companies of those facts have their stored rankings recomputed, and the company's own go.
// Logs the facts of other companies that lose a link to a removed fact (a compute deal tied to one of its
// investments), then every fact removed with its whole image, then the company: a revert, newest first, puts the
// facts back before those links. Params: $id, $partyRels, $change.
// Returns: deleted (1), facts (number of fact nodes removed with it).
MATCH (c:Company {id: $id})
OPTIONAL MATCH (c)-[r]-(fact:Fact)
WHERE type(r) IN $partyRels
WITH DISTINCT c, fact
ORDER BY fact.id
WITH c, collect(fact) AS facts
WITH c, facts, {{> linked-by facts}} AS linkedBy, COLLECT { UNWIND facts AS f MATCH (f)-[p]-(other:Company) WHERE type(p) IN $partyRels AND other <> c RETURN DISTINCT other } AS others
WITH c, facts, linkedBy, others, [f IN facts | {{> fact-removal f}}] + [{entityType: 'Company', entityId: c.id, before: properties(c), after: null, companyIds: [c.id]}] AS changes
FOREACH (f IN facts | DETACH DELETE f)
DETACH DELETE c
WITH facts, linkedBy, others, changes
CALL () {
  OPTIONAL MATCH (own:CompanyRankings {companyId: $id})
  DELETE own
}
{{> refresh-rankings others}}
WITH facts, {{> link-changes linkedBy}} + changes AS changes
{{> append-changes changes}}
RETURN 1 AS deleted, size(facts) AS facts
