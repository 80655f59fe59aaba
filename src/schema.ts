import 'reflect-metadata';
import './graphql/enums';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AnalyticsResolver } from './analytics/analytics.resolver';
import { CounterpartyShareResolver, ExposureResolver } from './analytics/exposure.resolver';
import { RelationKindsResolver } from './analytics/relation-kinds.resolver';
import { InvestorValuationsResolver, ValuationHistoryResolver } from './analytics/valuation-history.resolver';
import { ChangesResolver, ChangeSubscriptionResolver, CompanyChangesResolver, FACT_CHANGES_RESOLVERS } from './changes/changes.resolver';
import { WebhooksResolver } from './changes/webhooks.resolver';
import { CompanyConnectionResolver } from './company/company-connection.type';
import { CompanyFactsResolver } from './company/company-facts.resolver';
import { CompanyResolver } from './company/company.resolver';
import { CompanyMatchResolver } from './company/match/company-match.resolver';
import { FACTS } from './facts/registry';
import { authChecker } from './graphql/auth';
import { companyFactFieldsResolver } from './graphql/facts/company-fact-fields';
import { factResolverClasses } from './graphql/facts/fact-resolvers';
import type { FactRepository } from './neo4j/facts/fact-repository';
import type { Repositories } from './repositories';
import type { WatchEngine } from './changes/watch-engine';
import { WatchesResolver } from './changes/watches.resolver';

/** What resolvers are built from: the repositories, and the process's watch engine (none when only printing). */
export type SchemaServices = Repositories & { readonly watchEngine?: WatchEngine | null };
import { SourceConnectionResolver, SourceResolver } from './source/source.resolver';
import { totalsResolverClasses } from './totals/totals.resolver';
import type { TotalsRepository } from './totals/totals.repository';

type ResolverClass = new (...args: never[]) => object;

/** Each resolver class with how to build it from the repositories (constructor injection, no global state). */
function resolverFactories(): Map<ResolverClass, (repos: SchemaServices) => object> {
  const CompanyFactFields = companyFactFieldsResolver() as ResolverClass;
  const factories = new Map<ResolverClass, (repos: SchemaServices) => object>([
    [CompanyResolver, (r) => new CompanyResolver(r.companies)],
    [CompanyConnectionResolver, (r) => new CompanyConnectionResolver(r.companies)],
    [CompanyMatchResolver, (r) => new CompanyMatchResolver(r.companyMatcher)],
    [CompanyFactsResolver, () => new CompanyFactsResolver()],
    [CompanyFactFields, () => new CompanyFactFields()],
    [SourceResolver, (r) => new SourceResolver(r.sources)],
    [SourceConnectionResolver, (r) => new SourceConnectionResolver(r.sources)],
    [AnalyticsResolver, (r) => new AnalyticsResolver(r.analytics)],
    [ExposureResolver, () => new ExposureResolver()],
    [CounterpartyShareResolver, () => new CounterpartyShareResolver()],
    [ValuationHistoryResolver, () => new ValuationHistoryResolver()],
    [InvestorValuationsResolver, () => new InvestorValuationsResolver()],
    [RelationKindsResolver, () => new RelationKindsResolver()],
    [ChangesResolver, (r) => new ChangesResolver(r.changes, r.reverter)],
    [CompanyChangesResolver, (r) => new CompanyChangesResolver(r.changes)],
    [ChangeSubscriptionResolver, () => new ChangeSubscriptionResolver()],
    [WatchesResolver, (r) => new WatchesResolver(r.watchEngine ?? null)],
    [WebhooksResolver, (r) => new WebhooksResolver(r.webhookEndpoints)],
  ]);
  for (const { resolver } of FACT_CHANGES_RESOLVERS) factories.set(resolver as unknown as ResolverClass, (r) => new resolver(r.changes));
  // Every fact type's resolvers, made from its definition.
  for (const definition of FACTS) {
    for (const resolver of factResolverClasses(definition)) {
      factories.set(resolver as unknown as ResolverClass, (r) => new resolver(r.facts.get(definition.name) as FactRepository));
    }
  }
  // Every fact type's totals, made from its definition.
  for (const definition of FACTS) {
    for (const resolver of totalsResolverClasses(definition)) {
      factories.set(resolver as unknown as ResolverClass, (r) => new resolver(r.totals.get(definition.name) as TotalsRepository));
    }
  }
  return factories;
}

const FACTORIES = resolverFactories();

const NO_TOPICS = {
  publish(): void {
    throw new Error('subscriptions follow the change log; nothing publishes to topics');
  },
  subscribe(): never {
    throw new Error('subscriptions follow the change log; no topic can be subscribed');
  },
};

/**
 * Builds the executable schema. Without repositories (emitting schema/schema.graphql) it is only printed, never
 * executed, so resolvers are not instantiated.
 */
export async function buildAppSchema(repos: SchemaServices | null): Promise<GraphQLSchema> {
  const instances = new Map<unknown, object>(repos ? [...FACTORIES].map(([type, make]) => [type, make(repos)]) : []);
  const resolvers = [...FACTORIES.keys()] as [ResolverClass, ...ResolverClass[]];
  return buildSchema({
    resolvers,
    authChecker,
    // type-graphql wants a pub/sub once any subscription exists; ours are fed by the change log (each declares its
    // own subscribe), so topics are never published to or subscribed.
    pubSub: NO_TOPICS,
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
