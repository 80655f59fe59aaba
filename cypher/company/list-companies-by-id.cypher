// One page of companies in ascending id order (the order the generic list-companies cannot read from an index).
// The `c.id IS NOT NULL` lets the planner walk the id index in order and stop at $skip + $limit instead of sorting
// every match (at 100k companies, 70k labs). Params: as list-companies minus the sort. Returns: company (map).
MATCH (c:Company)
WHERE c.id IS NOT NULL
  AND ($kinds IS NULL OR c.kind IN $kinds)
  AND ($country IS NULL OR c.country = $country)
  AND ($namePrefix IS NULL OR c.nameLower STARTS WITH $namePrefix)
  AND ($foundedFrom IS NULL OR c.founded >= $foundedFrom)
  AND ($foundedTo IS NULL OR c.founded <= $foundedTo)
RETURN c {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS company
ORDER BY c.id ASC
SKIP $skip
LIMIT $limit
