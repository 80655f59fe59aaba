// Candidate companies for names to reconcile (src/company/match decides which match and how well). Params: $lookups
// (list of {index, id, wikidata, secCik, lei, domain, query}; a null value looks nothing up), $perName (full-text hits
// per name). Returns: index, companies (maps with what identifies them). Every branch is one index seek: the id and
// external id constraints, or the full-text index (names, aliases and former names, typos tolerated).
UNWIND $lookups AS lookup
CALL (lookup) {
  MATCH (c:Company {id: lookup.id}) RETURN c
  UNION
  MATCH (c:Company {wikidataId: lookup.wikidata}) RETURN c
  UNION
  MATCH (c:Company {secCik: lookup.secCik}) RETURN c
  UNION
  MATCH (c:Company {lei: lookup.lei}) RETURN c
  UNION
  MATCH (c:Company {domain: lookup.domain}) RETURN c
  UNION
  WITH lookup WHERE lookup.query IS NOT NULL
  CALL db.index.fulltext.queryNodes('company_names', lookup.query, {limit: $perName}) YIELD node
  RETURN node AS c
}
RETURN lookup.index AS index, collect({{> company-identity-map c}}) AS companies
