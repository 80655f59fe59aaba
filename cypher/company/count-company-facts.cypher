// How many facts a company takes part in (blocks a non-cascading delete). Params: $id, $partyRels (the relationship
// types linking companies to facts, from the fact definitions). Returns: facts.
MATCH (c:Company {id: $id})
RETURN COUNT { (c)-[r]-(f:Fact) WHERE type(r) IN $partyRels } AS facts
