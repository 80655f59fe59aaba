// Records one attempt to deliver change $seq in an endpoint's in-order stream, for the lease holder only (no row
// otherwise: the lease was lost or the endpoint removed, and nothing is written). DELIVERED or FAILED (retry window
// over) moves the cursor past the change; PENDING blocks the stream on it until its next attempt, $delayMs from now.
// Params: $id, $owner, $deliveryId, $seq, $webhookId, $status, $httpStatus, $error, $durationMs, $response, $delayMs.
// Returns: delivery.
MATCH (e:WebhookEndpoint {id: $id})
{{> webhooks/fragments/lock-endpoint}}
WITH e, datetime() AS now
WHERE e.leaseOwner = $owner
MERGE (d:WebhookDelivery:Meta {id: $deliveryId})
  ON CREATE SET d.endpointId = e.id, d.seq = $seq, d.webhookId = $webhookId, d.createdAt = now, d.windowStart = now,
                d.attempts = 0, d.redelivery = false
SET d.attempts = d.attempts + 1,
    d.lastAttemptAt = now,
    d.lastAttemptBy = $owner,
    d.status = $status,
    d.lastStatus = $httpStatus,
    d.lastError = $error,
    d.lastDurationMs = $durationMs,
    d.lastResponse = $response,
    d.nextAttemptAt = CASE WHEN $status = 'PENDING' THEN now + duration({milliseconds: $delayMs}) END,
    d.deliveredAt = CASE WHEN $status = 'DELIVERED' THEN now ELSE d.deliveredAt END
SET e.cursor = CASE WHEN $status <> 'PENDING' AND d.seq > e.cursor THEN d.seq ELSE e.cursor END,
    e.blockedSeq = CASE WHEN $status = 'PENDING' THEN d.seq END,
    e.blockedUntil = CASE WHEN $status = 'PENDING' THEN d.nextAttemptAt END
RETURN {{> webhooks/fragments/delivery-row}} AS delivery
