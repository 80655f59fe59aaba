// Every webhook endpoint, oldest first (their number is capped at creation). Returns: endpoint.
MATCH (e:WebhookEndpoint)
RETURN {{> webhooks/fragments/endpoint-row}}
ORDER BY e.createdAt, e.id
