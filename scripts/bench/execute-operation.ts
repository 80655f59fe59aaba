import type { ApolloServer, GraphQLRequest } from '@apollo/server';
import type { RequestContext } from '../../src/graphql/context';
import { withQueryStats, type QueryStats } from '../../src/neo4j/query-stats';
import type { ServerDependencies } from '../../src/http/server-dependencies';
import { createContext } from '../../src/http/request-context';

/**
 * Runs one operation through the full Apollo pipeline in this process, with the context a request carrying
 * `authorization` would get, counting its statements into `stats` (tests and the benchmark; no HTTP).
 */
export function executeOperation<L>(apollo: ApolloServer<RequestContext>, deps: ServerDependencies<L>, request: GraphQLRequest, stats: QueryStats, authorization?: string) {
  return withQueryStats(stats, () => apollo.executeOperation(request, { contextValue: createContext(deps, authorization, stats) }));
}
