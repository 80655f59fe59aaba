// Removes up to $batch finished deliveries (delivered or failed) last attempted before $before (ISO date-time), from the
// lastAttemptAt index. Params: $before, $batch. Returns: removed.
MATCH (d:WebhookDelivery)
WHERE d.lastAttemptAt < datetime($before) AND d.status <> 'PENDING'
WITH d LIMIT $batch
DETACH DELETE d
RETURN count(*) AS removed
