// Moves an endpoint's cursor to $seq when every change up to it was handled (none after the cursor passed its filter),
// so later reads start there. Only for the lease holder, never backwards, never past a change it is retrying.
// Params: $id, $owner, $seq. Returns: cursor.
MATCH (e:WebhookEndpoint {id: $id})
{{> webhooks/fragments/lock-endpoint}}
WITH e
WHERE e.leaseOwner = $owner AND e.blockedSeq IS NULL AND e.cursor < $seq
SET e.cursor = $seq
RETURN e.cursor AS cursor
