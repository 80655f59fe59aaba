// One page of companies in ascending name order (the default), ties by id, read from the nameLower index in order
// so the planner sorts only within equal names and stops at $skip + $limit. Params: as list-companies minus the
// sort. Returns: company (map).
MATCH (c:Company)
WHERE c.nameLower IS NOT NULL
  AND ($kinds IS NULL OR c.kind IN $kinds)
  AND ($country IS NULL OR c.country = $country)
  AND ($namePrefix IS NULL OR c.nameLower STARTS WITH $namePrefix)
  AND ($foundedFrom IS NULL OR c.founded >= $foundedFrom)
  AND ($foundedTo IS NULL OR c.founded <= $foundedTo)
RETURN c {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS company
ORDER BY c.nameLower ASC, c.id ASC
SKIP $skip
LIMIT $limit
