// Migration 001: uniqueness of every id. Statements are separated by ';' at line end; each is idempotent.
// Relationship facts (rivalry, subsidiary link, acquisition) carry ids too, so they can be updated and removed by id.
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (c:Company) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT investment_id IF NOT EXISTS FOR (i:Investment) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT compute_deal_id IF NOT EXISTS FOR (d:ComputeDeal) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT source_url IF NOT EXISTS FOR (s:Source) REQUIRE s.url IS UNIQUE;
CREATE CONSTRAINT rivalry_id IF NOT EXISTS FOR ()-[r:COMPETES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT subsidiary_id IF NOT EXISTS FOR ()-[r:SUBSIDIARY_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT acquisition_id IF NOT EXISTS FOR ()-[r:ACQUIRED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE
