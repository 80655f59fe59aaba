// Records one attempt of a queued redelivery, for the lease holder only (no row otherwise). Once it is delivered or
// failed it leaves the endpoint's queue; the queue's next due time is kept on the endpoint (redeliverAt).
// Params: $id, $owner, $deliveryId, $status, $httpStatus, $error, $durationMs, $response, $delayMs. Returns: delivery.
MATCH (e:WebhookEndpoint {id: $id})-[r:REDELIVER]->(d:WebhookDelivery {id: $deliveryId})
{{> webhooks/fragments/lock-endpoint}}
WITH e, r, d, datetime() AS now
WHERE e.leaseOwner = $owner
SET d.attempts = d.attempts + 1,
    d.lastAttemptAt = now,
    d.lastAttemptBy = $owner,
    d.status = $status,
    d.lastStatus = $httpStatus,
    d.lastError = $error,
    d.lastDurationMs = $durationMs,
    d.lastResponse = $response,
    d.nextAttemptAt = CASE WHEN $status = 'PENDING' THEN now + duration({milliseconds: $delayMs}) END,
    d.deliveredAt = CASE WHEN $status = 'DELIVERED' THEN now ELSE d.deliveredAt END,
    d.redelivery = ($status = 'PENDING')
FOREACH (_ IN CASE WHEN $status = 'PENDING' THEN [] ELSE [1] END | DELETE r)
WITH e, d
CALL (e) {
  OPTIONAL MATCH (e)-[:REDELIVER]->(q:WebhookDelivery)
  RETURN min(q.nextAttemptAt) AS next
}
SET e.redeliverAt = next
RETURN {{> webhooks/fragments/delivery-row}} AS delivery
