// Waits until every index is online so the first queries after start-up use them. Params: $timeoutSeconds. Returns: nothing.
CALL db.awaitIndexes($timeoutSeconds)
