// One hop of the neighbourhood (cypher/analytics/neighborhood.cypher), after a MATCH binding relationship r to a
// candidate company n: the candidates a drawn relation reaches, as `found`, in the order kept: the most headline money
// on those relations, then the most such relations, then id.
WITH n, r, {{> edge-facts r}} AS held
WITH n, r, held, {{> facts-headline held}} AS headline
WHERE {{> analytics/fragments/neighborhood-shown}}
WITH n, sum(headline) AS money, count(r) AS links
ORDER BY money DESC, links DESC, n.id
WITH collect(n) AS found
