// Investments made by each company, announced on or before $asOf (null: all). Params: $ids, $asOf (date or null).
// Returns: id (the investor), investment, investor, investee (maps), oldest first.
UNWIND $ids AS id
MATCH (investor:Company {id: id})-[:MADE]->(i:Investment)-[:INTO]->(investee:Company)
WHERE $asOf IS NULL OR i.announcedOn <= $asOf
RETURN id,
       i {.*, investorId: investor.id, investeeId: investee.id, sourceIds: [(i)-[:CITES]->(s:Source) | s.id]} AS investment,
       investor {.*} AS investor,
       investee {.*} AS investee
ORDER BY i.announcedOn, i.id
