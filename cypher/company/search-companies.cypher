// Full-text search over names and aliases. Params: $query (Lucene syntax, escaped by the caller), $limit.
// Returns: company (map), score.
// Maps list exactly the properties toCompanyRecord reads; a property added there must be added here.
CALL db.index.fulltext.queryNodes('company_search', $query, {limit: $limit})
YIELD node, score
RETURN node {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS company, score
ORDER BY score DESC, node.id ASC
LIMIT $limit
