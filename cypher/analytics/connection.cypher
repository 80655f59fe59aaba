// The shortest explained path between two companies over the chosen relation kinds, as of a date. Among equally
// short routes (sequences of companies; two relations between the same two companies are one route) the one whose
// company ids sort first is returned (deterministic), with the number of routes; each step lists every relation
// between its two companies.
// Params: $fromId, $toId, $kinds (relation kinds: relationship types, see src/facts/relation-kinds.ts), $maxHops
// (1-6), the scope's ($asOfDay...: see the fact-counts fragment). A relation is walked when one of its facts counts by
// itself in the scope (the relationship's summary only prunes). Bounded: at most 6 hops. Returns: companies (maps, in
// order), steps (see fragments/path-steps), ties (number of shortest routes). No row when there is no path within
// $maxHops.
// Returns companies as toCompanyRecord reads them; steps come from fragments/path-steps.
// Both ends are read from the unique id index (hinted), a then b (the subquery fixes the order the planner would
// otherwise pick from statistics).
MATCH (a:Company {id: $fromId})
USING INDEX a:Company(id)
CALL (a) {
  MATCH (b:Company {id: $toId})
  USING INDEX b:Company(id)
  RETURN b
}
// The summaries prune: the shortest routes over relationships that may count are found first, and kept when every
// relationship on them holds (one of its facts counts by itself). Holding relationships are a subset of those that
// may count, so when any such route survives its length is the shortest and the survivors are all the routes of that
// length. Only when none survives (and some route within $maxHops may count) is the search run again with each
// relationship checked as it is expanded.
CALL (a, b) {
  MATCH p = ALL SHORTEST (a)-[r:{{> relation-types}}
    WHERE type(r) IN $kinds
      AND {{> edge-counts r}}
  ]-{1,6}(b)
  WITH p
  WHERE length(p) <= $maxHops
  WITH collect(p) AS candidates
  RETURN [x IN candidates WHERE all(rel IN relationships(x) WHERE {{> edge-holds rel}})] AS quick, size(candidates) AS candidates
}
CALL (a, b, quick, candidates) {
  WITH a, b, quick, candidates
  WHERE size(quick) = 0 AND candidates > 0
  MATCH p = ALL SHORTEST (a)-[r:{{> relation-types}}
    WHERE type(r) IN $kinds
      AND {{> edge-counts r}}
      AND {{> edge-holds r}}
  ]-{1,6}(b)
  WITH p
  WHERE length(p) <= $maxHops
  RETURN collect(p) AS exact
}
UNWIND quick + exact AS p
WITH p, [n IN nodes(p) | n.id] AS route
ORDER BY route, [x IN relationships(p) | type(x)]
WITH collect(p) AS paths, collect(DISTINCT route) AS routes
WHERE size(paths) > 0
WITH paths[0] AS p, size(routes) AS ties
WITH p, ties, nodes(p) AS pathNodes, relationships(p) AS pathRels
{{> analytics/fragments/path-steps}}
RETURN [n IN nodes(p) | {{> company-map n}}] AS companies,
       steps, ties
