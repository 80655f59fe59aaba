// Rivalries by id. Params: $ids. Returns: rivalry (map with companyIds), companyA, companyB (maps).
UNWIND $ids AS id
MATCH (a:Company)-[r:COMPETES_WITH {id: id}]->(b:Company)
RETURN r {.*, companyIds: [a.id, b.id]} AS rivalry, a {.*} AS companyA, b {.*} AS companyB
