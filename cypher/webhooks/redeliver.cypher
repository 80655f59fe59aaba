// Queues a delivery to be sent again at once. The change an endpoint is retrying (its stream is blocked on it) is
// simply retried now; any other delivery (delivered, failed) becomes a redelivery: pending again with a new retry
// window, queued on the endpoint (REDELIVER) beside the in-order stream, which it neither waits for nor blocks.
// Params: $id. Returns: delivery (no row for an unknown id or an endpoint that is gone).
MATCH (d:WebhookDelivery {id: $id})
MATCH (e:WebhookEndpoint {id: d.endpointId})
{{> webhooks/fragments/lock-endpoint}}
WITH e, d, datetime() AS now, d.status = 'PENDING' AND e.blockedSeq = d.seq AS streaming
FOREACH (_ IN CASE WHEN streaming THEN [1] ELSE [] END |
  SET d.nextAttemptAt = now, e.blockedUntil = now)
FOREACH (_ IN CASE WHEN streaming THEN [] ELSE [1] END |
  SET d.status = 'PENDING', d.windowStart = now, d.nextAttemptAt = now, d.redelivery = true, e.redeliverAt = now
  MERGE (e)-[:REDELIVER]->(d))
RETURN {{> webhooks/fragments/delivery-row}} AS delivery
