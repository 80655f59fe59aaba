// How many facts cite a source (blocks its removal). Params: $id. Returns: citations.
MATCH (s:Source {id: $id})
RETURN COUNT { (s)<-[:CITES]-() } +
       COUNT { ()-[r:COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED]->() WHERE $id IN r.sourceIds } AS citations
