// Every node (but migration records) and every relationship with all its properties, for the fuzzer to sort and hash:
// two equal hashes mean nothing at all was written in between. Params: none. Returns: nodes, rels (lists of maps).
CALL () {
  MATCH (n) WHERE NOT n:Migration
  RETURN collect({label: labels(n)[0], props: properties(n)}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS rels
}
RETURN nodes, rels
