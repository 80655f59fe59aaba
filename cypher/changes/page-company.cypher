// One page of the changes to a company and to the facts it takes part in, from its (companyId, seq) index.
// Params: $companyId, $after, $limit and the filter's. Returns: change.
// @slot order: ASC DESC
// @slot beyond: > <
MATCH (t:ChangeTouch)
WHERE t.companyId = $companyId AND t.seq {{beyond}} $after
WITH t.seq AS seq
ORDER BY seq {{order}}
MATCH (c:Change {seq: seq})
WHERE {{> changes/fragments/change-filter}}
RETURN {{> changes/fragments/change-row}}
LIMIT $limit
