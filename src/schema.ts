import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './common/auth';
import { CompanyConnectionResolver } from './company/company-connection.type';
import { CompanyResolver } from './company/company.resolver';
import type { Repositories } from './repositories';

/** Every resolver class; the schema test builds from the same list. */
export const RESOLVERS: NonEmptyArray<new (...args: never[]) => object> = [CompanyResolver, CompanyConnectionResolver];

/**
 * Builds the executable schema. Resolvers get their repositories by constructor injection from this small
 * container, so they stay thin and testable.
 */
export async function buildAppSchema(repos: Repositories | null): Promise<GraphQLSchema> {
  // Without repositories (emitting schema/schema.graphql) the schema is only printed, never executed.
  const instances = new Map<unknown, object>(
    repos
      ? [
          [CompanyResolver, new CompanyResolver(repos.companies)],
          [CompanyConnectionResolver, new CompanyConnectionResolver(repos.companies)],
        ]
      : [],
  );
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    validate: { forbidUnknownValues: false },
    container: {
      get: (someClass: unknown) => {
        const instance = instances.get(someClass);
        if (!instance) throw new Error(`no instance registered for resolver ${String((someClass as { name?: string }).name)}`);
        return instance;
      },
    },
  });
}
