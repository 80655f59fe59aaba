// An endpoint's delivery log, newest change first, from the (endpointId, seq) index: deliveries before change
// $before, with status $status (null: any). No row when the endpoint does not exist.
// Params: $endpointId, $before, $status, $limit. Returns: deliveries.
MATCH (e:WebhookEndpoint {id: $endpointId})
CALL (e) {
  MATCH (d:WebhookDelivery {endpointId: e.id})
  WHERE d.seq < $before AND ($status IS NULL OR d.status = $status)
  WITH d
  ORDER BY d.seq DESC
  LIMIT $limit
  RETURN collect({{> webhooks/fragments/delivery-row}}) AS deliveries
}
RETURN deliveries
