// Fragment: one page of two-sided backers from the rivalries in scope (a, r, b, already limited to the scan), in the
// documented order (market, rivalry id, backer id) after $afterKey ([] for the first page); then the maps the
// repository reads. Expects a, b, r; returns backer, sideA, sideB, rivalry, investmentsA, investmentsB, key.
{{> analytics/fragments/two-sided-backers-of-rivalry}}
WITH a, b, r, backer, investmentsA, investmentsB, [r.market, r.id, backer.id] AS key
WHERE key > $afterKey
ORDER BY key
LIMIT $limit
RETURN backer {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS backer,
       a {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS sideA,
       b {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS sideB,
       r {.id, .market, .since, .sincePrecision, .note, .sourceIds, companyIds: [a.id, b.id]} AS rivalry,
       investmentsA, investmentsB, key
