// Number of companies matching a filter. Params: as list-companies without sort and paging. Returns: total.
MATCH (c:Company)
WHERE ($kinds IS NULL OR c.kind IN $kinds)
  AND ($country IS NULL OR c.country = $country)
  AND ($namePrefix IS NULL OR c.nameLower STARTS WITH $namePrefix)
  AND ($foundedFrom IS NULL OR c.founded >= $foundedFrom)
  AND ($foundedTo IS NULL OR c.founded <= $foundedTo)
RETURN count(c) AS total
