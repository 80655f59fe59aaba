import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import * as documents from '../src/api/documents';
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
  NEIGHBORHOOD: { companyId: 'anthropic', depth: 3, asOf: '2023-12-31' },
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

  it('covers every document', () => {
    expect(Object.keys(WORST_CASE).sort()).toEqual(Object.keys(documents).sort());
  });
});
