import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ASTVisitor, type DocumentNode, type GraphQLSchema, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../config';

/** Code of every request refused for its shape (tokens, depth, aliases, directives, literal nesting, cost). */
export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

/** The abuse limits of the config. */
export type Limits = AppConfig['limits'];

export function limitError(limit: string, message: string): GraphQLError {
  // 400, not Apollo's 500 for errors thrown by plugins: the request was refused, the server did not fail.
  return new GraphQLError(message, { extensions: { code: QUERY_LIMIT_EXCEEDED, limit, http: { status: 400 } } });
}

/**
 * Parser options: the token limit stops graphql-js's parser as soon as a document grows past it, so a huge document
 * (30,000 repeated fields, a list literal nested thousands deep) never reaches the validation rules, whose cost grows
 * with the square of the fields, and never recurses deep enough to exhaust the stack.
 */
export function parseOptions(limits: Limits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/** graphql-js's message for a document past `maxTokens` (its wording, typo included, is stable across 16.x). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more that (\d+) tokens/;

/**
 * The limit error for a parse failure caused by a limit, or undefined for a real syntax error. The stack can only run
 * out if an operator raised the token limit far above its default; the engine's message must not reach the client.
 */
export function parseLimitError(message: string): GraphQLError | undefined {
  const match = TOO_MANY_TOKENS.exec(message);
  if (match) return limitError('tokens', `Query is too long: more than ${match[1]} tokens`);
  if (/call stack/i.test(message)) return limitError('literalDepth', 'Query nests too deeply to be read');
  return undefined;
}

/** List and object literals nested deeper than `max` (e.g. `[[[[...]]]]`): no argument of this API needs that. */
function maxLiteralDepthRule(max: number, report: (context: ValidationContext, error: GraphQLError) => void): ValidationRule {
  return (context): ASTVisitor => {
    let depth = 0;
    let reported = false;
    const enter = () => {
      depth += 1;
      if (depth > max && !reported) {
        reported = true;
        report(context, limitError('literalDepth', `Literal values nest deeper than the limit of ${max}`));
      }
    };
    const leave = () => {
      depth -= 1;
    };
    return { ListValue: { enter, leave }, ObjectValue: { enter, leave } };
  };
}

/** Operations the schema has no root type for (this API has no subscriptions) are the client's mistake. */
const supportedOperationRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations`, { nodes: [node] }));
    }
  },
});

/**
 * Validation rules for depth, aliases (every alias counts, `__typename` too), directives per operation and literal
 * nesting (GraphQL Armor where it has the rule), re-reported with our code so clients can tell a refused shape from
 * a malformed query. They run before any resolver, so a refused query touches no database.
 */
export function limitRules(limits: Limits): ValidationRule[] {
  const report = (limit: string) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(limitError(limit, error.message.replace(/^Syntax Error: /, '')));
  const armor = (limit: string) => ({ propagateOnRejection: false, onReject: [report(limit)], exposeLimits: true });
  return [
    maxDepthRule({ n: limits.maxDepth, ...armor('depth') }),
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...armor('aliases') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...armor('directives') }),
    maxLiteralDepthRule(limits.maxLiteralDepth, (context, error) => context.reportError(error)),
    supportedOperationRule,
  ];
}

/**
 * A document refused for its shape gets one answer: the first limit it broke. Without this, ten unknown repeated
 * directives past the directive limit would also be answered with ten "unknown directive" errors.
 */
export const firstLimitErrorOnly: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        const refusal = errors?.find((error) => error.extensions?.code === QUERY_LIMIT_EXCEEDED);
        if (refusal && errors && errors.length > 1) response.body.singleResult.errors = [refusal];
      },
    };
  },
};

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
        async didResolveOperation({ request, document, queryHash, operation }) {
          // No operation by that name (or an anonymous one among several): Apollo answers that itself, with a 400.
          if (!operation) return;
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
