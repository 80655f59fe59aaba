// Every company id, in id order (the change-log benchmark spreads its generated changes over them).
MATCH (c:Company)
RETURN c.id AS id
ORDER BY id
