// Every node of the graph (but migration records and the change log) and every relationship with all its
// properties, and the change log's last seq, for the fuzzer to sort and hash: two equal hashes mean nothing at all
// was written in between (a write that logs changes moves the seq). Params: none. Returns: nodes, rels, logged.
CALL () {
  MATCH (n) WHERE NOT n:Migration AND NOT n:Meta
  RETURN collect({label: labels(n)[0], props: properties(n)}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b) WHERE NOT a:Meta AND NOT b:Meta
  RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS rels
}
OPTIONAL MATCH (head:ChangeLog {id: 'head'})
RETURN nodes, rels, coalesce(head.seq, 0) AS logged
