// Migration 005: composite indexes that return one kind's companies already in id or name order, so a page of
// "AI labs by id" reads 20 index entries instead of walking every company whose id sorts before the first lab
// (12,020 entries at 100k companies) or sorting every lab by name.
CREATE INDEX company_kind_id IF NOT EXISTS FOR (c:Company) ON (c.kind, c.id);
CREATE INDEX company_kind_name_lower IF NOT EXISTS FOR (c:Company) ON (c.kind, c.nameLower)
