// Fragment (rule): two companies are rivals in a market once. Expects f, the rivalry just written; returns problem
// (null when no other rivalry has the same pair and market).
MATCH (a:Company)-[:COMPETES_IN]->(f)<-[:COMPETES_IN]-(b:Company)
WHERE a.id < b.id
OPTIONAL MATCH (a)-[:COMPETES_IN]->(other:Rivalry)<-[:COMPETES_IN]-(b)
WHERE other <> f AND other.market = f.market
WITH a, b, f, head(collect(other.id)) AS otherId
RETURN CASE WHEN otherId IS NULL THEN null ELSE {
  code: 'CONFLICT',
  message: a.id + ' and ' + b.id + ' are already recorded as rivals in ' + f.market + ' (rivalry "' + otherId + '")'
} END AS problem
