// Creates a company unless its id exists. Params: $id, $props (map of stored properties). Returns: company, created.
MERGE (c:Company {id: $id})
ON CREATE SET c += $props, c.createdAt = datetime(), c.updatedAt = datetime(), c.isNew = true
WITH c, coalesce(c.isNew, false) AS created
REMOVE c.isNew
RETURN {{> company-map c}} AS company, created
