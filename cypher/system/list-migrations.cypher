// Migrations already applied. Params: none. Returns: name, checksum.
MATCH (m:Migration)
RETURN m.name AS name, m.checksum AS checksum
