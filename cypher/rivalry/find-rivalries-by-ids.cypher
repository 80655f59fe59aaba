// Rivalries by id. Params: $ids. Returns: rivalry (map with companyIds), companyA, companyB (maps).
// Maps list exactly the properties toRivalryRecord and toCompanyRecord read; a property added there must be added here.
UNWIND $ids AS id
MATCH (a:Company)-[r:COMPETES_WITH {id: id}]->(b:Company)
RETURN r {.id, .market, .since, .sincePrecision, .note, .sourceIds, companyIds: [a.id, b.id]} AS rivalry,
       a {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS companyA,
       b {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS companyB
