// Registers a webhook endpoint that delivers the changes committed from now on (its cursor starts at the log's head),
// unless $max endpoints already exist or $watchId (when given) names no watch.
// Params: $id, $url, $description, $filter (JSON text), $secret, $createdBy, $max, $watchId.
// Returns: endpoints (before this one), watchFound, endpoint (null when nothing was created).
OPTIONAL MATCH (h:ChangeLog {id: 'head'})
WITH coalesce(h.seq, 0) AS head,
     COUNT { (x:WebhookEndpoint) } AS endpoints,
     $watchId IS NULL OR EXISTS { (w:Watch {id: $watchId}) } AS watchFound
OPTIONAL CALL (head, endpoints, watchFound) {
  WITH head
  WHERE endpoints < $max AND watchFound
  CREATE (e:WebhookEndpoint:Meta {id: $id, url: $url, description: $description, filter: $filter, secret: $secret,
                                  createdAt: datetime(), createdBy: $createdBy, cursor: head})
  RETURN {{> webhooks/fragments/endpoint-row}}
}
RETURN endpoints, watchFound, endpoint
