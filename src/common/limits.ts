import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../config';

/** Code of every request refused for its shape (depth, aliases, cost). */
export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

function limitError(limit: string, message: string): GraphQLError {
  // 400, not Apollo's 500 for errors thrown by plugins: the request was refused, the server did not fail.
  return new GraphQLError(message, { extensions: { code: QUERY_LIMIT_EXCEEDED, limit, http: { status: 400 } } });
}

/**
 * Validation rules for depth and alias count (GraphQL Armor), re-reported with our code so clients can tell a
 * refused shape from a malformed query. They run before any resolver, so a refused query touches no database.
 */
export function limitRules(limits: AppConfig['limits']): ValidationRule[] {
  const recode = (limit: string) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(limitError(limit, error.message.replace(/^Syntax Error: /, '')));
  return [
    maxDepthRule({ n: limits.maxDepth, propagateOnRejection: false, onReject: [recode('depth')], exposeLimits: true }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: [recode('aliases')], exposeLimits: true }),
  ];
}

/** Estimates remembered per (document, operation, variables); a key longer than this is estimated every time. */
const COMPLEXITY_CACHE = { entries: 1000, maxKeyLength: 2048 };

/**
 * Refuses operations whose estimated cost exceeds the limit. Costs come from `complexity` on fields (lists weigh
 * by their page size, traversals by their hops and depth) and 1 for every other field.
 */
export function complexityPlugin(schema: GraphQLSchema, maxComplexity: number): ApolloServerPlugin {
  // Clients repeat the same few operations; walking the document again costs a few percent of a short request.
  const known = new LRUCache<string, number>({ max: COMPLEXITY_CACHE.entries });
  const estimate = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number => {
    try {
      return getComplexity({ schema, query: document, operationName, variables, estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] });
    } catch (error) {
      // Estimation coerces the variables first; a variable of the wrong type is the client's mistake.
      if (error instanceof GraphQLError) throw new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
      throw error;
    }
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, queryHash }) {
          const variables = request.variables ?? {};
          const key = `${queryHash}\u0000${request.operationName ?? ''}\u0000${JSON.stringify(variables)}`;
          const cacheable = key.length <= COMPLEXITY_CACHE.maxKeyLength;
          let complexity = cacheable ? known.get(key) : undefined;
          if (complexity === undefined) {
            complexity = estimate(document, request.operationName, variables);
            if (cacheable) known.set(key, complexity);
          }
          if (complexity > maxComplexity) {
            throw limitError('complexity', `Query is too costly: estimated cost ${complexity} exceeds the limit of ${maxComplexity}`);
          }
        },
      };
    },
  };
}
