// Migration 011: what identifies a company. Former names join full-text search in an index of a new name (a script
// replaying the migrations' schema statements, like the Cypher export, then ends with the right one whatever 003
// made); each external id scheme is one uniquely constrained property, so a lookup is one index seek and two
// companies can never hold the same id.
DROP INDEX company_search IF EXISTS;
CREATE FULLTEXT INDEX company_names IF NOT EXISTS FOR (c:Company) ON EACH [c.name, c.aliases, c.formerNames];
CREATE CONSTRAINT company_wikidata_id IF NOT EXISTS FOR (c:Company) REQUIRE c.wikidataId IS UNIQUE;
CREATE CONSTRAINT company_sec_cik IF NOT EXISTS FOR (c:Company) REQUIRE c.secCik IS UNIQUE;
CREATE CONSTRAINT company_lei IF NOT EXISTS FOR (c:Company) REQUIRE c.lei IS UNIQUE;
CREATE CONSTRAINT company_domain IF NOT EXISTS FOR (c:Company) REQUIRE c.domain IS UNIQUE
