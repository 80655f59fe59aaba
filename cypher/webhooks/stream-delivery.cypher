// The delivery an endpoint's in-order stream waits on (the change it is retrying), if any. Params: $id. Returns: delivery.
MATCH (e:WebhookEndpoint {id: $id})
MATCH (d:WebhookDelivery {endpointId: e.id, seq: e.blockedSeq})
RETURN {{> webhooks/fragments/delivery-row}} AS delivery
