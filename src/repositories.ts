import { AcquisitionRepository } from './acquisition/acquisition.repository';
import { AnalyticsRepository, type ScanLimits } from './analytics/analytics.repository';
import { CompanyRepository } from './company/company.repository';
import { ComputeDealRepository } from './compute/compute-deal.repository';
import { ReferenceChecker } from './common/reference-checker';
import { InvestmentRepository } from './investment/investment.repository';
import type { CypherCatalog } from './neo4j/cypher-catalog';
import type { Database } from './neo4j/database';
import { RivalryRepository } from './rivalry/rivalry.repository';
import { SourceRepository } from './source/source.repository';
import { SubsidiaryLinkRepository } from './subsidiary/subsidiary-link.repository';

/** Builds every repository once at start-up; each loads its Cypher statements now, so a missing file fails here. */
export function createRepositories(db: Database, catalog: CypherCatalog, scanLimits: ScanLimits) {
  const references = new ReferenceChecker(catalog);
  const sources = new SourceRepository(db, catalog, references);
  return {
    companies: new CompanyRepository(db, catalog),
    sources,
    investments: new InvestmentRepository(db, catalog, references, sources),
    computeDeals: new ComputeDealRepository(db, catalog, references, sources),
    rivalries: new RivalryRepository(db, catalog, references, sources),
    subsidiaryLinks: new SubsidiaryLinkRepository(db, catalog, references, sources),
    acquisitions: new AcquisitionRepository(db, catalog, references, sources),
    analytics: new AnalyticsRepository(db, catalog, scanLimits),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
