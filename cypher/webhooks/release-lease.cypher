// Gives up $owner's lease (a no-op when another process holds it). Params: $id, $owner. Returns: released.
MATCH (e:WebhookEndpoint {id: $id})
{{> webhooks/fragments/lock-endpoint}}
WITH e
WHERE e.leaseOwner = $owner
SET e.leaseOwner = null, e.leaseUntil = null
RETURN count(e) AS released
