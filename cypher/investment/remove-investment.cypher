// Deletes an investment with its links (its sources stay). Params: $id.
// Returns: investorId, investeeId (so the caller can refresh the derived edge; no row if unknown).
MATCH (investor:Company)-[:MADE]->(i:Investment {id: $id})-[:INTO]->(investee:Company)
DETACH DELETE i
RETURN investor.id AS investorId, investee.id AS investeeId
