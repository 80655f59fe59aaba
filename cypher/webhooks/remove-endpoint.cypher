// Removes an endpoint (its deliveries go next, in batches: remove-deliveries). A dispatcher holding its lease finds
// it gone at its next write and stops. Params: $id. Returns: removed (0 or 1).
OPTIONAL MATCH (e:WebhookEndpoint {id: $id})
DETACH DELETE e
RETURN count(e) AS removed
