import type { ApolloServer } from '@apollo/server';
import type { RequestContext } from '../../src/graphql/context';
import { executeOperation } from './execute-operation';
import type { QueryStats, RecordedStatement } from '../../src/neo4j/query-stats';
import type { ServerDependencies } from '../../src/http/server-dependencies';

/**
 * Runs a GraphQL operation through the real resolvers in this process and returns every statement it sent, with
 * its parameters exactly as the driver received them, so they can be replayed through the raw driver or PROFILEd.
 */
export async function recordStatements<L>(apollo: ApolloServer<RequestContext>, deps: ServerDependencies<L>, query: string): Promise<RecordedStatement[]> {
  const stats: QueryStats = { roundTrips: 0, statements: [] };
  const response = await executeOperation(apollo, deps, { query }, stats);
  if (response.body.kind !== 'single' || response.body.singleResult.errors) {
    throw new Error(`recording failed: ${JSON.stringify(response.body.kind === 'single' ? response.body.singleResult.errors : 'incremental')}`);
  }
  return stats.statements ?? [];
}
