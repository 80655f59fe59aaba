// Benchmark only: the nested list (20 companies of the given kinds by id, each with the investments it received,
// their investors, and its competitors) as one hand-written statement, the yardstick for our batched resolvers.
// Params: $kinds, $limit. Returns: one row per company.
MATCH (c:Company)
WHERE c.kind IN $kinds
WITH c
ORDER BY c.id
LIMIT $limit
RETURN c.id AS id, c.name AS name,
  COLLECT {
    MATCH (c)<-[:INTO]-(i:Investment)<-[:MADE]-(investor:Company)
    WITH i, investor
    ORDER BY i.announcedOn, i.id
    RETURN i { .id, .amountUsd, .amountKind, .announcedOn, .announcedPrecision, investor: investor { .id, .name } }
  } AS investmentsReceived,
  COLLECT {
    MATCH (c)-[:COMPETES_WITH]-(other:Company)
    WITH DISTINCT other
    ORDER BY other.name
    RETURN other { .id, .name }
  } AS competitors
