// Endpoints a dispatcher may claim now: no live lease, and either changes after their cursor (unless they wait to
// retry the change they are blocked on) or a redelivery due. Least recently served first.
// Params: $busy (ids this process is already serving), $limit. Returns: id.
OPTIONAL MATCH (h:ChangeLog {id: 'head'})
WITH coalesce(h.seq, 0) AS head, datetime() AS now
MATCH (e:WebhookEndpoint)
WHERE NOT e.id IN $busy
  AND (e.leaseUntil IS NULL OR e.leaseUntil < now)
  AND ((e.cursor < head AND (e.blockedUntil IS NULL OR e.blockedUntil <= now)) OR e.redeliverAt <= now)
RETURN e.id AS id
ORDER BY coalesce(e.servedAt, e.createdAt)
LIMIT $limit
