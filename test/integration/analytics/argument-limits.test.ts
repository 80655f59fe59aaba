import { useSeededTestApp } from '../../support/test-app';

describe('analytics argument limits', () => {
  const app = useSeededTestApp();

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
