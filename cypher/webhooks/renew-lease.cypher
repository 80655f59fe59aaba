// Extends $owner's lease before an attempt; no row when the lease was lost (another process holds it) or the endpoint
// is gone. Params: $id, $owner, $leaseMs. Returns: secrets (those valid now: a rotation applies at the next attempt).
MATCH (e:WebhookEndpoint {id: $id})
{{> webhooks/fragments/lock-endpoint}}
WITH e
WHERE e.leaseOwner = $owner
SET e.leaseUntil = datetime() + duration({milliseconds: $leaseMs})
RETURN {{> webhooks/fragments/secrets}} AS secrets
