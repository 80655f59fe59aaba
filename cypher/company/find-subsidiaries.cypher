// Direct subsidiaries of each company. Params: $ids. Returns: id, subsidiary (map).
// The id index is hinted: on some statistics the planner read the whole index instead of seeking each id.
UNWIND $ids AS id
MATCH (c:Company {id: id})<-[:SUBSIDIARY_OF]-(s:Company)
USING INDEX c:Company(id)
RETURN id, {{> company-map s}} AS subsidiary
ORDER BY s.name
