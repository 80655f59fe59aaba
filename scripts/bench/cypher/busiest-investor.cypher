// The company with the most investments made (ties: smallest id), for the growth table's "busiest investor" rows.
// Params: none. Returns: id, made.
MATCH (c:Company)-[e:INVESTED_IN]->()
WITH c, count(e) AS made
ORDER BY made DESC, c.id
LIMIT 1
RETURN c.id AS id, made
