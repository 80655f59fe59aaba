e {.id, .url, .description, .filter, .createdAt, .createdBy, .cursor, .blockedSeq, .blockedUntil, .secretRotatedAt,
   previousSecretUntil: CASE WHEN e.previousSecretUntil > datetime() THEN e.previousSecretUntil END} AS endpoint
