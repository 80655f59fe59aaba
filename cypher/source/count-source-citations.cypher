// How many facts cite a source (blocks its removal). Params: $id. Returns: citations.
MATCH (s:Source {id: $id})
RETURN COUNT { (s)<-[:CITES]-(:Fact) } AS citations
