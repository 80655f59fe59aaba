// One page of companies of the given kinds in ascending name order, ties by id. Each kind's companies are read
// from the (kind, nameLower) index in order and cut at $skip + $limit, so the final sort
// sees at most that many rows per kind. Params: as list-companies minus the sort; $kinds is a non-empty list.
// The index is hinted: on a small graph the planner may prefer the kind-only index and sort, which is cheap there
// but sorts every company of the kind at scale. Returns: company (map).
UNWIND $kinds AS k
WITH DISTINCT k AS kind
CALL (kind) {
  MATCH (c:Company)
  USING INDEX c:Company(kind, nameLower)
  WHERE c.kind = kind AND c.nameLower IS NOT NULL
    AND ($country IS NULL OR c.country = $country)
    AND ($namePrefix IS NULL OR c.nameLower STARTS WITH $namePrefix)
    AND ($foundedFrom IS NULL OR c.founded >= $foundedFrom)
    AND ($foundedTo IS NULL OR c.founded <= $foundedTo)
  RETURN c
  ORDER BY c.kind, c.nameLower, c.id
  LIMIT $skip + $limit
}
RETURN c {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS company
ORDER BY c.nameLower ASC, c.id ASC
SKIP $skip
LIMIT $limit
