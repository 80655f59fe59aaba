import { AnalyticsRepository, type ScanLimits } from './analytics/analytics.repository';
import { CompanyRepository } from './company/company.repository';
import { FACTS } from './facts/registry';
import type { CypherCatalog } from './neo4j/cypher-catalog';
import type { Database } from './neo4j/database';
import { FactRepository } from './neo4j/facts/fact-repository';
import { SourceRepository } from './source/source.repository';

/** Builds every repository once at start-up; each loads or generates its Cypher now, so a missing file fails here. */
export function createRepositories(db: Database, catalog: CypherCatalog, scanLimits: ScanLimits) {
  return {
    companies: new CompanyRepository(db, catalog),
    sources: new SourceRepository(db, catalog),
    /** One repository per fact type, by type name ("Investment"). */
    facts: new Map(FACTS.map((definition) => [definition.name, new FactRepository(db, catalog, definition)])),
    analytics: new AnalyticsRepository(db, catalog, scanLimits),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
