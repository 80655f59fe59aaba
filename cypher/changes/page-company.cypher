// One page of the changes to a company and to the facts it takes part in, from its (companyId, seq) index, read in
// the index's order: ordering by both of its properties lets the planner take the first rows as they come (ordering
// by seq alone made it read and sort every touch of the company: 29,731 for a busy one, 42 ms a page instead of 9).
// Params: $companyId, $after, $limit and the filter's. Returns: change.
// @slot order: ASC DESC
// @slot beyond: > <
MATCH (t:ChangeTouch)
WHERE t.companyId = $companyId AND t.seq {{beyond}} $after
WITH t
ORDER BY t.companyId {{order}}, t.seq {{order}}
MATCH (c:Change {seq: t.seq})
WHERE {{> changes/fragments/change-filter}}
RETURN {{> changes/fragments/change-row}}
LIMIT $limit
