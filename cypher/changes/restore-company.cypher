// Puts a company back as the $side image (BEFORE or AFTER) of change $seq holds it: every stored property exactly.
// Logged as a change like any write. Params: $seq, $side, $change. Returns: id.
MATCH (:Change {seq: $seq})-[side]->(img:ChangeImage)
WHERE type(side) = $side
WITH properties(img) AS image
OPTIONAL MATCH (old:Company {id: image.id})
WITH image, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (c:Company {id: image.id})
SET c = image
WITH c, [{entityType: 'Company', entityId: c.id, before: before, after: properties(c), companyIds: [c.id]}] AS changes
{{> append-changes changes}}
RETURN c.id AS id
