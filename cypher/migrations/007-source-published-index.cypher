// Migration 007: sources are listed newest first with keyset cursors; this index serves that order (and stops the
// page at its size) instead of sorting every source.
CREATE INDEX source_published_on IF NOT EXISTS FOR (s:Source) ON (s.publishedOn)
