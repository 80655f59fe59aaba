// Migration 010: watches (standing analytics questions) and the once-a-day sweep claim.
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (w:Watch) REQUIRE w.id IS UNIQUE;
CREATE CONSTRAINT watch_sweep_day IF NOT EXISTS FOR (s:WatchSweep) REQUIRE s.day IS UNIQUE;
CREATE INDEX watch_owner IF NOT EXISTS FOR (w:Watch) ON (w.owner)
