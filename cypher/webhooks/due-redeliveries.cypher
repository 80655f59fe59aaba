// An endpoint's queued redeliveries due now, in change order. Params: $id, $limit. Returns: delivery.
MATCH (e:WebhookEndpoint {id: $id})-[:REDELIVER]->(d:WebhookDelivery)
WHERE d.nextAttemptAt <= datetime()
RETURN {{> webhooks/fragments/delivery-row}} AS delivery
ORDER BY d.seq
LIMIT $limit
