// Takes an endpoint's lease for $owner when no one holds a live one. The node is write-locked first and the lease
// read after, so of two processes claiming at once the second sees the first's lease and gets no row.
// Params: $id, $owner, $leaseMs. Returns: endpoint (with the secrets valid now), or no row.
MATCH (e:WebhookEndpoint {id: $id})
{{> webhooks/fragments/lock-endpoint}}
WITH e, datetime() AS now
WHERE e.leaseUntil IS NULL OR e.leaseUntil < now
SET e.leaseOwner = $owner, e.leaseUntil = now + duration({milliseconds: $leaseMs}), e.servedAt = now
RETURN e {.id, .url, .filter, .cursor, .blockedSeq, .blockedUntil, .redeliverAt, secrets: {{> webhooks/fragments/secrets}}} AS endpoint
