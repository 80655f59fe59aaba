// Investments made by each company, announced on or before $asOf (null: all). Params: $ids, $asOf (date or null).
// Returns: id (the investor), investment and counterparty (the investee) as maps, oldest first; the company itself is not
// returned, the caller has it.
// Maps list exactly the properties toInvestmentRecord and toCompanyRecord read;
// a property added there must be added here.
// The id index is hinted: on some statistics the planner read the whole index instead of seeking each id.
UNWIND $ids AS id
MATCH (investor:Company {id: id})-[:MADE]->(i:Investment)-[:INTO]->(investee:Company)
USING INDEX investor:Company(id)
WHERE $asOf IS NULL OR i.announcedOn <= $asOf
RETURN id,
       i {.id, .amountUsd, .amountKind, .announcedOn, .announcedPrecision, .closedOn, .closedPrecision, .round,
          .stakePercent, .valuationUsd, .instrument, .status, .note,
          investorId: investor.id, investeeId: investee.id, sourceIds: [(i)-[:CITES]->(s:Source) | s.id]} AS investment,
       investee {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS counterparty
ORDER BY i.announcedOn, i.id
