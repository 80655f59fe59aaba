[s IN [e.secret, CASE WHEN e.previousSecretUntil > datetime() THEN e.previousSecret END] WHERE s IS NOT NULL]
