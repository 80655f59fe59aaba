// Creates or updates sources by id, logging each one created or changed. Params: $sources (list of {id, url,
// publisher, title, publishedOn, publishedPrecision, kind, originalPublisher}), $change.
// Returns: id. Fails on the url uniqueness constraint when another source already has the url (mapped to CONFLICT).
{{> source/fragments/write-sources}}
WITH collect({entityType: 'Source', entityId: s.id, before: CASE WHEN existed THEN before END, after: properties(s), companyIds: []}) AS changes
{{> append-changes changes}}
UNWIND changes AS written
RETURN written.entityId AS id
