// One delivery by id. Params: $id. Returns: delivery.
MATCH (d:WebhookDelivery {id: $id})
RETURN {{> webhooks/fragments/delivery-row}} AS delivery
