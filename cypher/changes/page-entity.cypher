// One page of the changes to one entity (a fact, a company, a source), from the (entityId, seq) index.
// Params: $entityId, $after, $limit and the filter's. Returns: change.
// @slot order: ASC DESC
// @slot beyond: > <
MATCH (c:Change)
WHERE c.entityId = $entityId AND c.seq {{beyond}} $after AND {{> changes/fragments/change-filter}}
RETURN {{> changes/fragments/change-row}}
ORDER BY c.entityId {{order}}, c.seq {{order}}
LIMIT $limit
