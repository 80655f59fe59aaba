d {.id, .endpointId, .seq, .webhookId, .status, .attempts, .windowStart, .createdAt, .lastAttemptAt, .lastAttemptBy, .nextAttemptAt,
   .deliveredAt, .lastStatus, .lastError, .lastDurationMs, .lastResponse, .redelivery}
