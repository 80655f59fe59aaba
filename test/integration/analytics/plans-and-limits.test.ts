import { explain, leaves } from '../../support/plan';
import { useSeededTestApp } from '../../support/test-app';

const KINDS = ['INVESTED_IN', 'SUPPLIES_COMPUTE', 'COMPETES_WITH', 'SUBSIDIARY_OF', 'ACQUIRED'];

describe('analytics Cypher plans and argument limits', () => {
    // Plans depend on statistics: on an empty database every scan looks free, so plan on the seed data.
  const app = useSeededTestApp();

  it.each([
    ['analytics/backers-of-competitors', 'x', { companyId: 'a', asOf: null, rollUp: true, limit: 10 }],
    ['analytics/connection', 'a', { fromId: 'a', toId: 'b', kinds: KINDS, maxHops: 4, asOf: null }],
    ['analytics/neighborhood', 'c', { companyId: 'a', depth: 1, kinds: KINDS, asOf: null, maxNodes: 10, maxEdges: 10 }],
    ['analytics/exposure', 'c', { companyId: 'a', asOf: null, rollUp: true }],
  ])('%s starts with a unique-index seek on its start company (%s)', async (name, variable, params) => {
    const plan = await explain(app(), name, params);
    // With two companies to find (connection) the planner may seek both in one MultiNodeIndexSeek instead of two
    // NodeUniqueIndexSeeks, depending on statistics; either reads the unique id index.
    const seeks = leaves(plan).filter((leaf) => /^(NodeUniqueIndexSeek|MultiNodeIndexSeek|AssertingMultiNodeIndexSeek)/.test(leaf.operatorType));
    const described = leaves(plan).map((leaf) => `${leaf.operatorType} [${leaf.identifiers.join(', ')}]`);
    expect({ leaves: described, seeked: seeks.map((leaf) => leaf.identifiers).flat() }).toEqual({ leaves: described, seeked: expect.arrayContaining([variable]) });
    const scans = leaves(plan).filter((leaf) => /AllNodesScan|NodeByLabelScan/.test(leaf.operatorType));
    expect(scans).toEqual([]);
  });

  it('two-sided-backers-in-market starts from the rivalry market index', async () => {
    const plan = await explain(app(), 'analytics/two-sided-backers-in-market', {
      market: 'frontier-models',
      asOf: null,
      rollUp: true,
      limit: 10,
    });
    // Seek or scan is the planner's cost call from the index's statistics (a few dozen entries are cheapest read
    // whole); either way the query reads only rivalries, from the rivalry_market index, never all relationships.
    const starts = leaves(plan).map((leaf) => `${leaf.operatorType} ${String(leaf.arguments.Details ?? '')}`);
    expect(starts).toEqual(expect.arrayContaining([expect.stringMatching(/RelationshipIndex(Seek|Scan).*COMPETES_WITH\(market\)/)]));
    expect(starts.filter((start) => /AllNodesScan|NodeByLabelScan|RelationshipTypeScan|AllRelationshipsScan/.test(start))).toEqual([]);
  });

  it.each([
    ['{ moneyLoops(maxLength: 7) { nodes { length } } }', 'maxLength'],
    ['{ moneyLoops(maxLength: 1) { nodes { length } } }', 'maxLength'],
    ['{ connection(fromId: "a", toId: "b", maxHops: 7) { length } }', 'maxHops'],
    ['{ connection(fromId: "a", toId: "b", maxHops: 0) { length } }', 'maxHops'],
    ['{ connection(fromId: "a", toId: "a") { length } }', 'toId'],
    ['{ connection(fromId: "a", toId: "b", kinds: []) { length } }', 'kinds'],
    ['{ neighborhood(companyId: "a", depth: 4) { truncated } }', 'depth'],
    ['{ neighborhood(companyId: "a", depth: 0) { truncated } }', 'depth'],
    ['{ twoSidedBackers(market: "Frontier Models!") { nodes { market } } }', 'market'],
    ['{ backersOfCompetitors(companyId: "anthropic", asOf: "2024-02-30") { totalUsd } }', 'Date'],
  ])('rejects %s with BAD_USER_INPUT naming %s', async (query, field) => {
    const { errors, roundTrips } = await app().gql(query);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain(field);
    expect(roundTrips).toBe(0);
  });

  it.each([
    '{ backersOfCompetitors(companyId: "nobody") { totalUsd } }',
    '{ moneyLoops(companyId: "nobody") { nodes { length } } }',
    '{ connection(fromId: "nobody", toId: "other") { length } }',
    '{ neighborhood(companyId: "nobody") { truncated } }',
    '{ exposure(companyId: "nobody") { raisedUsd } }',
  ])('answers NOT_FOUND for an unknown company: %s', async (query) => {
    await app().reset();
    const { errors } = await app().gql(query);
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(errors?.[0].message).toContain('nobody');
  });
});
