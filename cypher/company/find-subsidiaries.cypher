// Direct subsidiaries of each company. Params: $ids. Returns: id, subsidiary (map).
UNWIND $ids AS id
MATCH (:Company {id: id})<-[:SUBSIDIARY_OF]-(s:Company)
RETURN id, s {.*} AS subsidiary
ORDER BY s.name
