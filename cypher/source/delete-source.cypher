// Deletes a source, logging its whole record. Params: $id, $change. Returns: deleted (1, or no row when unknown).
MATCH (s:Source {id: $id})
WITH s, [{entityType: 'Source', entityId: s.id, before: properties(s), after: null, companyIds: []}] AS changes
DETACH DELETE s
WITH changes
{{> append-changes changes}}
RETURN 1 AS deleted
