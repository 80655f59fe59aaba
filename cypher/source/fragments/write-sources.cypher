UNWIND $sources AS source
OPTIONAL MATCH (old:Source {id: source.id})
WITH source, old IS NOT NULL AS existed
MERGE (s:Source {id: source.id})
ON CREATE SET s.createdAt = datetime()
WITH s, source, existed, properties(s) AS before
SET s.url = source.url,
    s.publisher = source.publisher,
    s.title = source.title,
    s.publishedOn = CASE WHEN source.publishedOn IS NULL THEN null ELSE date(source.publishedOn) END,
    s.publishedPrecision = source.publishedPrecision,
    s.kind = source.kind,
    s.originalPublisher = source.originalPublisher
SET s.updatedAt = CASE WHEN properties(s) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
