// Money loops of exactly {{forward}} + {{backward}} steps through one company, starting and ending there: cycles in
// which money leaves as investment and comes back (see fragments/money-ring for the rules), simple, with at least one
// investment, as of $asOf. One page in the documented order: by the ids of the loop's companies, after $afterIds
// (the previous page's last loop; [] for the first page). Params: $companyId, $asOf, $afterIds, $limit,
// $smallestFirst (false: the loop starts at the company whatever its id).
// Returns: companies (maps, in order, first = last = the company), ids, steps (see fragments/path-steps).
MATCH (s:Company {id: $companyId})
USING INDEX s:Company(id)
WITH s, {{> prune-early}} AS pruneEarly
CALL (s, pruneEarly) {
  {{> analytics/fragments/money-ring}}
  RETURN [s] + ring AS pathNodes, ringRels AS pathRels
}
WITH pathNodes, pathRels, [n IN pathNodes | n.id] AS ids
WHERE ids > $afterIds
ORDER BY ids
LIMIT $limit
{{> analytics/fragments/path-steps}}
RETURN [n IN pathNodes | {{> company-map n}}] AS companies,
       ids, steps
ORDER BY ids
