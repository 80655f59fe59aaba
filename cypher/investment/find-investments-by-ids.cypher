// Investments by id, with both parties. Params: $ids. Returns: investment (map with investorId, investeeId,
// sourceIds), investor (map), investee (map).
// Maps list exactly the properties toInvestmentRecord and toCompanyRecord read;
// a property added there must be added here.
// The id index is hinted: on some statistics the planner read the whole index instead of seeking each id.
UNWIND $ids AS id
MATCH (investor:Company)-[:MADE]->(i:Investment {id: id})-[:INTO]->(investee:Company)
USING INDEX i:Investment(id)
RETURN i {.id, .amountUsd, .amountKind, .announcedOn, .announcedPrecision, .closedOn, .closedPrecision, .round,
          .stakePercent, .valuationUsd, .instrument, .status, .note,
          investorId: investor.id, investeeId: investee.id, sourceIds: [(i)-[:CITES]->(s:Source) | s.id]} AS investment,
       investor {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS investor,
       investee {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS investee
