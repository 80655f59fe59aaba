// Full-text search over names and aliases. Params: $query (Lucene syntax, escaped by the caller), $limit.
// Returns: company (map), score.
CALL db.index.fulltext.queryNodes('company_names', $query, {limit: $limit})
YIELD node, score
RETURN {{> company-map node}} AS company, score
ORDER BY score DESC, node.id ASC
LIMIT $limit
