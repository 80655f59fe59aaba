// Forgets that a migration ran, so the next start runs it again (a bulk import marks the stored rankings this way
// until it has recomputed them). Params: $name. Returns: checksum (of the record removed; none when there was none).
MATCH (m:Migration {name: $name})
WITH m, m.checksum AS checksum
DELETE m
RETURN checksum
