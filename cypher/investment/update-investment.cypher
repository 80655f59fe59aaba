// Changes some properties of an investment. Params: $id, $changes (map; nulls clear).
// Returns: id, investorId, investeeId (no row if unknown).
MATCH (investor:Company)-[:MADE]->(i:Investment {id: $id})-[:INTO]->(investee:Company)
SET i += $changes, i.updatedAt = datetime()
RETURN i.id AS id, investor.id AS investorId, investee.id AS investeeId
