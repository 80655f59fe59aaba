// Migration 009: signed webhooks. Endpoints and deliveries are found by id; an endpoint's delivery log is read newest
// first by (endpointId, seq) without a sort; finished deliveries are pruned by when they were last attempted.
CREATE CONSTRAINT webhook_endpoint_id IF NOT EXISTS FOR (e:WebhookEndpoint) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (d:WebhookDelivery) REQUIRE d.id IS UNIQUE;
CREATE INDEX webhook_delivery_endpoint_seq IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.endpointId, d.seq);
CREATE INDEX webhook_delivery_last_attempt IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.lastAttemptAt)
