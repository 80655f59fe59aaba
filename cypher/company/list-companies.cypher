// One page of companies. Params: $kinds, $country, $namePrefix (lower case), $foundedFrom, $foundedTo (each null to
// skip the filter), $sortField ('NAME' | 'FOUNDED' | 'ID'), $descending, $skip, $limit. Unknown founding years sort
// last either way. Returns: company (map).
MATCH (c:Company)
WHERE ($kinds IS NULL OR c.kind IN $kinds)
  AND ($country IS NULL OR c.country = $country)
  AND ($namePrefix IS NULL OR c.nameLower STARTS WITH $namePrefix)
  AND ($foundedFrom IS NULL OR c.founded >= $foundedFrom)
  AND ($foundedTo IS NULL OR c.founded <= $foundedTo)
RETURN c {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS company
ORDER BY
  CASE WHEN $sortField = 'NAME' AND NOT $descending THEN c.nameLower END ASC,
  CASE WHEN $sortField = 'NAME' AND $descending THEN c.nameLower END DESC,
  CASE WHEN $sortField = 'FOUNDED' THEN c.founded IS NULL END ASC,
  CASE WHEN $sortField = 'FOUNDED' AND NOT $descending THEN c.founded END ASC,
  CASE WHEN $sortField = 'FOUNDED' AND $descending THEN c.founded END DESC,
  CASE WHEN $descending AND $sortField = 'ID' THEN c.id END DESC,
  c.id ASC
SKIP $skip
LIMIT $limit
