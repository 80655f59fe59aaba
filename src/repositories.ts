import { CompanyRepository } from './company/company.repository';
import type { CypherCatalog } from './neo4j/cypher-catalog';
import type { Database } from './neo4j/database';

/** Builds every repository once at start-up; each loads its Cypher statements now, so a missing file fails here. */
export function createRepositories(db: Database, catalog: CypherCatalog) {
  return {
    companies: new CompanyRepository(db, catalog),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
