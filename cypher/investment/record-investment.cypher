// Creates or overwrites an investment by id. Params: $id, $investorId, $investeeId, $props (map; nulls clear).
// Returns: id. updatedAt moves only when a property changed, so re-recording the same fact changes nothing. Callers check the parties exist and match any existing record first.
MATCH (investor:Company {id: $investorId})
MATCH (investee:Company {id: $investeeId})
MERGE (i:Investment {id: $id})
ON CREATE SET i.createdAt = datetime()
WITH *, properties(i) AS before
SET i += $props
SET i.updatedAt = CASE WHEN properties(i) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
MERGE (investor)-[:MADE]->(i)
MERGE (i)-[:INTO]->(investee)
RETURN i.id AS id
