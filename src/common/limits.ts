import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
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

/**
 * Refuses operations whose estimated cost exceeds the limit. Costs come from `complexity` on fields (lists weigh
 * by their page size, traversals by their hops and depth) and 1 for every other field.
 */
export function complexityPlugin(schema: GraphQLSchema, maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Estimation coerces the variables first; a variable of the wrong type is the client's mistake.
            if (error instanceof GraphQLError) throw new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            throw error;
          }
          if (complexity > maxComplexity) {
            throw limitError('complexity', `Query is too costly: estimated cost ${complexity} exceeds the limit of ${maxComplexity}`);
          }
        },
      };
    },
  };
}
