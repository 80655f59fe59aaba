// Money loops of exactly {{forward}} + {{backward}} steps anywhere in the graph, each found once from its smallest
// company id (see fragments/money-ring for the rules). The scan walks possible starts (companies with money both in
// and out) in id order from $fromStart (the first id of $afterIds, or ''), seeking the id index (hinted: a scan of the
// whole index would read every company before $fromStart), at most $scanLimit of them, so a page's work is bounded
// however large the graph is. One page in the documented order: by the ids of the loop's companies, after $afterIds
// ([] for the first page of this length). Params: $afterIds, $fromStart, $scanLimit, $asOf, $limit, $smallestFirst (true).
// Returns one row: scanned (starts examined), lastStart (the last of them: where the next page resumes when the
// scan stopped at $scanLimit), loops (companies, ids, steps as money-loops-through).
CALL () {
  MATCH (s:Company)
  USING INDEX SEEK s:Company(id)
  WHERE s.id >= $fromStart
    AND {{> money-out s}}
    AND {{> money-in s}}
  WITH s ORDER BY s.id LIMIT $scanLimit
  RETURN count(s) AS scanned, max(s.id) AS lastStart
}
CALL () {
  WITH {{> prune-early}} AS pruneEarly
  MATCH (s:Company)
  USING INDEX SEEK s:Company(id)
  WHERE s.id >= $fromStart
    AND {{> money-out s}}
    AND {{> money-in s}}
  WITH s, pruneEarly ORDER BY s.id LIMIT $scanLimit
  CALL (s, pruneEarly) {
    {{> analytics/fragments/money-ring}}
    RETURN [s] + ring AS pathNodes, ringRels AS pathRels
  }
  WITH s, pathNodes, pathRels, [n IN pathNodes | n.id] AS ids
  WHERE ids > $afterIds
  ORDER BY s.id, ids
  LIMIT $limit
  {{> analytics/fragments/path-steps}}
  RETURN collect({
    companies: [n IN pathNodes | {{> company-map n}}],
    ids: ids,
    steps: steps
  }) AS loops
}
RETURN scanned, lastStart, loops
