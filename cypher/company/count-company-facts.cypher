// How many facts still involve a company (blocks a non-cascading delete). Params: $id.
// Returns: investments, computeDeals, relationships (rivalries, subsidiary links, acquisitions).
MATCH (c:Company {id: $id})
RETURN COUNT { (c)-[:MADE|INTO]-(:Investment) } AS investments,
       COUNT { (c)-[:SUPPLIES|TO]-(:ComputeDeal) } AS computeDeals,
       COUNT { (c)-[:COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED]-(:Company) } AS relationships
