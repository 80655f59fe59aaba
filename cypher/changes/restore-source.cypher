// Puts a source back as the $side image (BEFORE or AFTER) of change $seq holds it: every stored property exactly.
// Logged as a change like any write. Params: $seq, $side, $change. Returns: id.
MATCH (:Change {seq: $seq})-[side]->(img:ChangeImage)
WHERE type(side) = $side
WITH properties(img) AS image
OPTIONAL MATCH (old:Source {id: image.id})
WITH image, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (s:Source {id: image.id})
SET s = image
WITH s, [{entityType: 'Source', entityId: s.id, before: before, after: properties(s), companyIds: []}] AS changes
{{> append-changes changes}}
RETURN s.id AS id
