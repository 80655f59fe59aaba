// Gives an endpoint a new secret; the current one stays valid (deliveries carry both signatures) for $keepMs
// milliseconds, or is dropped at once when $keepMs is 0. Params: $id, $secret, $keepMs. Returns: endpoint.
MATCH (e:WebhookEndpoint {id: $id})
{{> webhooks/fragments/lock-endpoint}}
SET e.previousSecret = CASE WHEN $keepMs > 0 THEN e.secret END,
    e.previousSecretUntil = CASE WHEN $keepMs > 0 THEN datetime() + duration({milliseconds: $keepMs}) END,
    e.secret = $secret,
    e.secretRotatedAt = datetime()
RETURN {{> webhooks/fragments/endpoint-row}}
