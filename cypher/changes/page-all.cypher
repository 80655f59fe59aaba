// One page of the change log in sequence order, from the sequence index (no sort), filtered as it streams.
// Params: $after (the last seq seen: -1, or past the end when descending, for none), $limit and the filter's
// ($entityTypes, $actor, $kinds, $since, $until). Returns: change.
// @slot order: ASC DESC
// @slot beyond: > <
MATCH (c:Change)
WHERE c.seq {{beyond}} $after AND {{> changes/fragments/change-filter}}
RETURN {{> changes/fragments/change-row}}
ORDER BY c.seq {{order}}
LIMIT $limit
