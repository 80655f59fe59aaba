// Import pre-flight for the rivalry-pair-unique rule: rows whose two companies are already rivals in the same market
// under another id. Params: $rows ({id, parties: {companies: [a, b]}, props: {market}}). Returns: id, existing;
// at most 20.
UNWIND $rows AS row
MATCH (a:Company {id: row.parties.companies[0]})-[:COMPETES_IN]->(other:Rivalry)<-[:COMPETES_IN]-(b:Company {id: row.parties.companies[1]})
WHERE other.market = row.props.market AND other.id <> row.id
RETURN row.id AS id, other.id AS existing
LIMIT 20
