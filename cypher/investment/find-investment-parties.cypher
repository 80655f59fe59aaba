// Who an existing investment is between (to refuse re-recording an id for other parties). Params: $id.
// Returns: investorId, investeeId (no row when the id is new).
MATCH (investor:Company)-[:MADE]->(i:Investment {id: $id})-[:INTO]->(investee:Company)
RETURN investor.id AS investorId, investee.id AS investeeId
