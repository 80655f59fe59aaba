// Export: one keyset page of companies in id order (the id constraint's index serves the order and stops at the
// limit). Params: $after (the last id of the previous page, '' for the first), $limit. Returns: company (map).
MATCH (c:Company)
WHERE c.id > $after
WITH c
ORDER BY c.id
LIMIT $limit
RETURN {{> company-identity-map c}} AS company
