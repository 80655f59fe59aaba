import { Kind, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { ANALYTICS_OPERATIONS, GENERATED_REQUESTS, SEED_REQUESTS, type GeneratedGraph } from '../../../scripts/analytics-operations';
import { AnalyticsResolver } from '../../../src/analytics/analytics.resolver';
import { FACTS } from '../../../src/facts/registry';
import { buildAppSchema } from '../../../src/schema';

// The one declaration of the analytics queries that the tests, the benchmark and the load test iterate over: it must
// name every analytics query, and every request in it must still be one the schema accepts.

const GRAPH: GeneratedGraph = { anchorId: 'anchor-lab', farId: 'far-lab', market: 'anchor-market', busiestInvestorId: 'busy-investor' };

/** The operation of a one-operation document. */
const operationOf = (query: string) => parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;

/** The Query fields a document selects at its top. */
const topFields = (query: string) => operationOf(query).selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : s.kind));

describe('the analytics operations declared once (scripts/analytics-operations.ts)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema(null);
  });

  it('name every analytics query, once: the traversals and each fact type\'s totals', () => {
    // The totals resolvers are classes built per definition, named <Type>TotalsResolver (src/totals/totals.resolver.ts).
    const queries = getMetadataStorage()
      .queries.filter((query) => query.target === AnalyticsResolver || query.target.name.endsWith('TotalsResolver'))
      .map((query) => query.schemaName);
    expect(queries.length).toBeGreaterThanOrEqual(6 + FACTS.length);
    for (const definition of FACTS) expect(queries).toContain(`${definition.single}Totals`);
    const declared = ANALYTICS_OPERATIONS.map((operation) => operation.field);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual([...queries].sort());
  });

  it('give every request a name of its own: the plan guard records and the growth table rows are keyed by it', () => {
    for (const names of [SEED_REQUESTS.map((r) => r.name), GENERATED_REQUESTS.map((r) => r.name)]) expect(new Set(names).size).toBe(names.length);
  });

  it.each(ANALYTICS_OPERATIONS.map((operation) => [operation.field, operation] as const))('%s: every request calls it and the schema accepts it', (field, operation) => {
    const accepted = [
      ...operation.seed.map((request) => request.query),
      ...operation.generated.map((request) => request.query(GRAPH)),
      ...(operation.unknownCompany ? [operation.unknownCompany] : []),
      operation.hostile.query,
    ];
    for (const query of accepted) {
      expect({ query, fields: topFields(query) }).toEqual({ query, fields: [field] });
      expect({ query, errors: validate(schema, parse(query)).map((error) => error.message) }).toEqual({ query, errors: [] });
    }
    // Refused requests may fail validation already (an impossible date literal); they must still call the field.
    expect(operation.refused.length).toBeGreaterThan(0);
    for (const [query] of operation.refused) expect({ query, fields: topFields(query) }).toEqual({ query, fields: [field] });
  });

  it.each(ANALYTICS_OPERATIONS.map((operation) => [operation.field, operation] as const))('%s: a company argument means an unknown-company request; hostile variables match their kinds', (field, operation) => {
    const args = schema.getQueryType()!.getFields()[field]!.args.map((arg) => arg.name);
    expect({ field, unknownCompany: operation.unknownCompany !== undefined }).toEqual({ field, unknownCompany: args.includes('companyId') || args.includes('fromId') });
    const variables = Object.fromEntries(
      (operationOf(operation.hostile.query).variableDefinitions ?? []).map((definition) => {
        const type = definition.type.kind === Kind.NON_NULL_TYPE ? definition.type.type : definition.type;
        return [definition.variable.name.value, type.kind === Kind.NAMED_TYPE && type.name.value === 'Int' ? 'int' : 'string'];
      }),
    );
    expect(variables).toEqual(operation.hostile.variables);
  });
});
