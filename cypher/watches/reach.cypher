// The companies within {{hops}} steps of the anchors over the relations traversals walk (the anchors included), at
// most $cap + 1 of them: a caller given more treats the reach as everything. Params: $anchors, $cap. Returns: id.
// @slot hops: 0 1 2 3
UNWIND $anchors AS anchorId
MATCH (a:Company {id: anchorId})
MATCH (a)-[:{{> relation-types}}*0..{{hops}}]-(n:Company)
WITH DISTINCT n.id AS id
LIMIT $cap
RETURN id
