// Migration 008: the change log. Sequence numbers are unique (and their index serves a feed page in order); a
// fact's or a company's changes are read newest or oldest first by (id, seq) without a sort; one head node counts.
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT change_log_id IF NOT EXISTS FOR (h:ChangeLog) REQUIRE h.id IS UNIQUE;
CREATE INDEX change_entity_seq IF NOT EXISTS FOR (c:Change) ON (c.entityId, c.seq);
CREATE INDEX change_touch_company_seq IF NOT EXISTS FOR (t:ChangeTouch) ON (t.companyId, t.seq);
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at)
