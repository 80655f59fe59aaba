// Rivalries of each company, in both directions, known on or before $asOf (null: all; an undated rivalry always
// counts). Params: $ids, $asOf. Returns: id, rivalry (map with companyIds), other (the competitor, map).
// Maps list exactly the properties toRivalryRecord and toCompanyRecord read; a property added there must be added here.
// The id index is hinted: on some statistics the planner read the whole index instead of seeking each id.
UNWIND $ids AS id
MATCH (c:Company {id: id})-[r:COMPETES_WITH]-(other:Company)
USING INDEX c:Company(id)
WHERE $asOf IS NULL OR r.since IS NULL OR r.since <= $asOf
RETURN id,
       r {.id, .market, .since, .sincePrecision, .note, .sourceIds, companyIds: [startNode(r).id, endNode(r).id]} AS rivalry,
       other {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS other
ORDER BY other.name, r.id
