import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AcquisitionResolver } from './acquisition/acquisition.resolver';
import { AnalyticsResolver } from './analytics/analytics.resolver';
import { CounterpartyShareResolver, ExposureResolver } from './analytics/exposure.resolver';
import { authChecker } from './common/auth';
import { CompanyConnectionResolver } from './company/company-connection.type';
import { CompanyResolver } from './company/company.resolver';
import { CompanyComputeResolver, ComputeDealConnectionResolver, ComputeDealResolver } from './compute/compute-deal.resolver';
import { CompanyInvestmentsResolver } from './investment/company-investments.resolver';
import { InvestmentConnectionResolver, InvestmentResolver } from './investment/investment.resolver';
import type { Repositories } from './repositories';
import { CompanyRivalryResolver, RivalryConnectionResolver, RivalryResolver } from './rivalry/rivalry.resolver';
import { SourceResolver } from './source/source.resolver';
import { SubsidiaryLinkResolver } from './subsidiary/subsidiary-link.resolver';

/** Each resolver class with how to build it from the repositories (constructor injection, no global state). */
const RESOLVER_FACTORIES = new Map<new (...args: never[]) => object, (repos: Repositories) => object>([
  [CompanyResolver, (r) => new CompanyResolver(r.companies)],
  [CompanyConnectionResolver, (r) => new CompanyConnectionResolver(r.companies)],
  [SourceResolver, (r) => new SourceResolver(r.sources)],
  [InvestmentResolver, (r) => new InvestmentResolver(r.investments)],
  [InvestmentConnectionResolver, (r) => new InvestmentConnectionResolver(r.investments)],
  [CompanyInvestmentsResolver, () => new CompanyInvestmentsResolver()],
  [ComputeDealResolver, (r) => new ComputeDealResolver(r.computeDeals)],
  [ComputeDealConnectionResolver, (r) => new ComputeDealConnectionResolver(r.computeDeals)],
  [CompanyComputeResolver, () => new CompanyComputeResolver()],
  [RivalryResolver, (r) => new RivalryResolver(r.rivalries)],
  [RivalryConnectionResolver, (r) => new RivalryConnectionResolver(r.rivalries)],
  [CompanyRivalryResolver, () => new CompanyRivalryResolver()],
  [SubsidiaryLinkResolver, (r) => new SubsidiaryLinkResolver(r.subsidiaryLinks)],
  [AcquisitionResolver, (r) => new AcquisitionResolver(r.acquisitions)],
  [AnalyticsResolver, (r) => new AnalyticsResolver(r.analytics)],
  [ExposureResolver, () => new ExposureResolver()],
  [CounterpartyShareResolver, () => new CounterpartyShareResolver()],
]);

/**
 * Builds the executable schema. Without repositories (emitting schema/schema.graphql) it is only printed, never
 * executed, so resolvers are not instantiated.
 */
export async function buildAppSchema(repos: Repositories | null): Promise<GraphQLSchema> {
  const instances = new Map<unknown, object>(repos ? [...RESOLVER_FACTORIES].map(([type, make]) => [type, make(repos)]) : []);
  const resolvers = [...RESOLVER_FACTORIES.keys()] as [new (...args: never[]) => object, ...(new (...args: never[]) => object)[]];
  return buildSchema({
    resolvers,
    authChecker,
    // skipMissingProperties must be off: otherwise rules on an omitted field (amountKind without amountUsd) never run.
    validate: { forbidUnknownValues: false, skipMissingProperties: false },
    container: {
      get: (someClass: unknown) => {
        const instance = instances.get(someClass);
        if (!instance) throw new Error(`no instance registered for resolver ${String((someClass as { name?: string }).name)}`);
        return instance;
      },
    },
  });
}
