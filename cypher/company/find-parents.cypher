// Direct parent of each company. Params: $ids. Returns: id, parent (map).
UNWIND $ids AS id
MATCH (:Company {id: id})-[:SUBSIDIARY_OF]->(p:Company)
RETURN id, p {.*} AS parent
