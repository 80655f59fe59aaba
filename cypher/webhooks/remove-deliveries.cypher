// Removes up to $batch deliveries of an endpoint that is gone. Params: $endpointId, $batch. Returns: removed.
MATCH (d:WebhookDelivery {endpointId: $endpointId})
WITH d LIMIT $batch
DETACH DELETE d
RETURN count(*) AS removed
