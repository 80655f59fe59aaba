// Creates or updates sources by id. Params: $sources (list of {id, url, publisher, title, publishedOn, publishedPrecision, kind, originalPublisher}).
// Returns: id. Fails on the url uniqueness constraint when another source already has the url (mapped to CONFLICT).
UNWIND $sources AS source
MERGE (s:Source {id: source.id})
ON CREATE SET s.createdAt = datetime()
WITH s, source, properties(s) AS before
SET s.url = source.url,
    s.publisher = source.publisher,
    s.title = source.title,
    s.publishedOn = CASE WHEN source.publishedOn IS NULL THEN null ELSE date(source.publishedOn) END,
    s.publishedPrecision = source.publishedPrecision,
    s.kind = source.kind,
    s.originalPublisher = source.originalPublisher
SET s.updatedAt = CASE WHEN properties(s) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
RETURN s.id AS id
