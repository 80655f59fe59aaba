// Every watch (optionally of one owner), oldest first. Params: $owner (null: all). Returns: watch.
MATCH (w:Watch)
WHERE $owner IS NULL OR w.owner = $owner
RETURN w {.*, answeredAt: toString(w.answeredAt), createdAt: toString(w.createdAt)} AS watch
ORDER BY w.createdAt, w.id
