// Migration 003: full-text search over company names and aliases (fuzzy terms tolerate typos such as "antropic").
CREATE FULLTEXT INDEX company_search IF NOT EXISTS FOR (c:Company) ON EACH [c.name, c.aliases]
