// Endpoints a dispatcher may claim now: no live lease, and either changes after their cursor (unless they wait to
// retry the change they are blocked on) or a redelivery due. Least recently served first. Also how many endpoints
// exist at all: a process that knows there are none need not look again after each of its own writes.
// Params: $busy (ids this process is already serving), $limit. Returns: endpoints, due (ids).
OPTIONAL MATCH (h:ChangeLog {id: 'head'})
WITH coalesce(h.seq, 0) AS head, datetime() AS now
RETURN COUNT { (:WebhookEndpoint) } AS endpoints,
  COLLECT {
    MATCH (e:WebhookEndpoint)
    WHERE NOT e.id IN $busy
      AND (e.leaseUntil IS NULL OR e.leaseUntil < now)
      AND ((e.cursor < head AND (e.blockedUntil IS NULL OR e.blockedUntil <= now)) OR e.redeliverAt <= now)
    RETURN e.id
    ORDER BY coalesce(e.servedAt, e.createdAt)
    LIMIT $limit
  } AS due
