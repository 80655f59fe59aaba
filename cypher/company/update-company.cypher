// Changes some properties of a company, logging what changed. Params: $id, $changes (map; null values remove a
// property), $change. Returns: company (no row when the id is unknown).
MATCH (c:Company {id: $id})
WITH c, properties(c) AS before
SET c += $changes
SET c.updatedAt = CASE WHEN properties(c) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
WITH c, [{entityType: 'Company', entityId: c.id, before: before, after: properties(c), companyIds: [c.id]}] AS changes
{{> append-changes changes}}
RETURN {{> company-identity-map c}} AS company
