// Investments by id, with both parties. Params: $ids. Returns: investment (map with investorId, investeeId,
// sourceIds), investor (map), investee (map).
UNWIND $ids AS id
MATCH (investor:Company)-[:MADE]->(i:Investment {id: id})-[:INTO]->(investee:Company)
RETURN i {.*, investorId: investor.id, investeeId: investee.id, sourceIds: [(i)-[:CITES]->(s:Source) | s.id]} AS investment,
       investor {.*} AS investor,
       investee {.*} AS investee
