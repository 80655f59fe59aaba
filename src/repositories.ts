import { AnalyticsRepository, type ScanLimits } from './analytics/analytics.repository';
import { ChangeReverter } from './changes/change-revert';
import { ChangeRepository } from './changes/change.repository';
import { HostAllowList } from './changes/webhook-address';
import { WebhookEndpoints } from './changes/webhook-endpoints';
import { WebhookHttpClient } from './changes/webhook-http';
import { WebhookRepository } from './changes/webhook.repository';
import type { AppConfig } from './config';
import { CompanyRepository } from './company/company.repository';
import { CompanyMatcher } from './company/match/company-matcher';
import { FACTS } from './facts/registry';
import type { CypherCatalog } from './neo4j/cypher-catalog';
import type { Database } from './neo4j/database';
import { FactRepository } from './neo4j/facts/fact-repository';
import { SourceRepository } from './source/source.repository';
import { TotalsRepository } from './totals/totals.repository';

/** Builds every repository once at start-up; each loads or generates its Cypher now, so a missing file fails here. */
export function createRepositories(db: Database, catalog: CypherCatalog, scanLimits: ScanLimits, webhookSettings: AppConfig['webhooks']) {
  const changes = new ChangeRepository(db, catalog);
  const webhooks = new WebhookRepository(db, catalog);
  // The one way webhook requests leave the process (registration probes and deliveries alike).
  const webhookHttp = new WebhookHttpClient({ allowList: new HostAllowList(webhookSettings.allowedHosts), timeoutMs: webhookSettings.timeoutMs, maxResponseBytes: webhookSettings.maxResponseBytes });
  return {
    webhooks,
    webhookHttp,
    webhookEndpoints: new WebhookEndpoints(webhooks, webhookHttp),
    companies: new CompanyRepository(db, catalog),
    companyMatcher: new CompanyMatcher(db, catalog),
    changes,
    reverter: new ChangeReverter(db, catalog, changes),
    sources: new SourceRepository(db, catalog),
    /** One repository per fact type, by type name ("Investment"). */
    facts: new Map(FACTS.map((definition) => [definition.name, new FactRepository(db, catalog, definition)])),
    analytics: new AnalyticsRepository(db, catalog, scanLimits),
    /** Totals of each fact type, by type name. */
    totals: new Map(FACTS.map((definition) => [definition.name, new TotalsRepository(db, definition)])),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
