// Records that a migration ran. Params: $name, $checksum. Returns: previousChecksum (null on first run).
MERGE (m:Migration {name: $name})
WITH m, m.checksum AS previousChecksum
SET m.checksum = $checksum, m.appliedAt = coalesce(m.appliedAt, datetime())
RETURN previousChecksum
