// Migration 012: a fact's timeline is stored once. The arrays Cypher filters on (tlFrom, tlKnown, tlStatus, tlMoney,
// ...) stay; the same timeline as one JSON text (`timeline`), which reads used to project, goes: a read now derives it
// from the fact's fields with the function that derived the arrays (toFactRecord). Idempotent, batched.
MATCH (f:Fact) WHERE f.timeline IS NOT NULL
CALL (f) { REMOVE f.timeline } IN TRANSACTIONS OF 10000 ROWS
