// Creates a company unless its id exists, logging the creation. Params: $id, $props (map of stored properties),
// $change. Returns: company, created.
MERGE (c:Company {id: $id})
ON CREATE SET c += $props, c.createdAt = datetime(), c.updatedAt = datetime(), c.isNew = true
WITH c, coalesce(c.isNew, false) AS created
REMOVE c.isNew
WITH c, created, CASE WHEN created THEN [{entityType: 'Company', entityId: c.id, before: null, after: properties(c), companyIds: [c.id]}] ELSE [] END AS changes
{{> append-changes changes}}
RETURN {{> company-identity-map c}} AS company, created
