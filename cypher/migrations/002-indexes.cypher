// Migration 002: indexes for the properties lists filter and sort on, and traversals filter on (dates, kinds).
CREATE INDEX company_kind IF NOT EXISTS FOR (c:Company) ON (c.kind);
CREATE INDEX company_country IF NOT EXISTS FOR (c:Company) ON (c.country);
CREATE INDEX company_name IF NOT EXISTS FOR (c:Company) ON (c.name);
CREATE INDEX company_name_lower IF NOT EXISTS FOR (c:Company) ON (c.nameLower);
CREATE INDEX company_founded IF NOT EXISTS FOR (c:Company) ON (c.founded);
CREATE INDEX investment_announced IF NOT EXISTS FOR (i:Investment) ON (i.announcedOn);
CREATE INDEX investment_status IF NOT EXISTS FOR (i:Investment) ON (i.status);
CREATE INDEX investment_amount IF NOT EXISTS FOR (i:Investment) ON (i.amountUsd);
CREATE INDEX compute_deal_announced IF NOT EXISTS FOR (d:ComputeDeal) ON (d.announcedOn);
CREATE INDEX compute_deal_status IF NOT EXISTS FOR (d:ComputeDeal) ON (d.status);
CREATE INDEX compute_deal_resource IF NOT EXISTS FOR (d:ComputeDeal) ON (d.resource);
CREATE INDEX rivalry_market IF NOT EXISTS FOR ()-[r:COMPETES_WITH]-() ON (r.market);
CREATE INDEX rivalry_since IF NOT EXISTS FOR ()-[r:COMPETES_WITH]-() ON (r.since);
CREATE INDEX acquisition_on IF NOT EXISTS FOR ()-[r:ACQUIRED]-() ON (r.announcedOn)
