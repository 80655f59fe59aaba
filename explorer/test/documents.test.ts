import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import * as documents from '../src/api/documents';
import { SOURCE_BATCH_SIZE, sourceBatches, sourceBatchVariables } from '../src/api/source-batch';
import { loadConfig } from '../../src/config';
import { limitRules, parseOptions } from '../../src/graphql/limits';
import { buildAppSchema } from '../../src/schema';

// The explorer's documents against the server's own schema and its default shape limits: a field renamed in the API,
// or a document grown past a limit, fails here rather than in front of an analyst.

/** The heaviest variables each document is sent with. */
const WORST_CASE: Readonly<Record<keyof typeof documents, Record<string, unknown>>> = {
  RELATION_KINDS: {},
  RELATION_BETWEEN: { fromId: 'anthropic', toId: 'amazon', kinds: ['INVESTED_IN'], asOf: null },
  SEARCH_COMPANIES: { text: 'antropic', first: 8 },
  NEIGHBORHOOD: { companyId: 'anthropic', depth: 3, asOf: '2023-12-31', kinds: ['INVESTED_IN'], minAmountUsd: 1e9, maxNodes: 5000 },
  COMPANY_DETAILS: { id: 'anthropic', asOf: null },
  EDGE_INVESTMENTS: { from: 'amazon', to: 'anthropic', asOf: null },
  EDGE_COMPUTE_DEALS: { from: 'amazon-web-services', to: 'anthropic', asOf: null },
  EDGE_RIVALRY: { id: 'x', asOf: null },
  EDGE_SUBSIDIARY_LINK: { id: 'x', asOf: null },
  EDGE_ACQUISITION: { id: 'x', asOf: null },
  BACKERS_OF_COMPETITORS: { companyId: 'anthropic', asOf: null },
  TWO_SIDED_BACKERS: { asOf: null },
  MONEY_LOOPS: { companyId: 'anthropic', asOf: null },
  CONNECTION: { fromId: 'anthropic', toId: 'microsoft', asOf: null },
  EXPOSURE: { companyId: 'anthropic', asOf: null },
  CHANGES: { since: '2026-11-29', after: '1200', first: 100 },
  CHANGE_HEAD: {},
  CHANGE_FEED: { after: '1200' },
  SOURCES_BY_ID: sourceBatchVariables(Array.from({ length: SOURCE_BATCH_SIZE }, (_, i) => `src-${i}`)),
};

describe('explorer GraphQL documents', () => {
  const limits = loadConfig({}).limits;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema(null);
  });

  it.each(Object.entries(documents))('%s is valid and within the default limits', (name, source) => {
    const document = parse(source, parseOptions(limits));
    expect(validate(schema, document, [...specifiedRules, ...limitRules(limits)]).map((error) => error.message)).toEqual([]);
    const complexity = getComplexity({
      schema,
      query: document,
      variables: WORST_CASE[name as keyof typeof documents],
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
    expect(complexity).toBeLessThanOrEqual(limits.maxComplexity);
  });

  it('reads sources by id in batches of the alias limit, filling a short batch with its last id', () => {
    expect(SOURCE_BATCH_SIZE).toBe(limits.maxAliases);
    const ids = Array.from({ length: 45 }, (_, i) => `src-${i}`);
    const batches = sourceBatches([...ids, 'src-0', 'src-44']);
    expect(batches.map((batch) => batch.length)).toEqual([20, 20, 5]);
    expect(batches.flat()).toEqual(ids);
    const variables = sourceBatchVariables(batches[2]!);
    expect(Object.keys(variables)).toHaveLength(SOURCE_BATCH_SIZE);
    expect([variables.s0, variables.s4, variables.s5, variables.s19]).toEqual(['src-40', 'src-44', 'src-44', 'src-44']);
    expect(() => sourceBatchVariables([])).toThrow();
  });

  it('covers every document', () => {
    expect(Object.keys(WORST_CASE).sort()).toEqual(Object.keys(documents).sort());
  });
});
