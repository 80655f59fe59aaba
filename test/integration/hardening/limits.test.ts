import { startTestApp, type TestApp } from '../../support/test-app';

const nestedParents = (levels: number) => `{ company(id: "x") { ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: company(id: "x") { id }`).join(' ')} }`;

describe('abuse limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ MAX_QUERY_DEPTH: '6', MAX_QUERY_ALIASES: '5', MAX_QUERY_COMPLEXITY: '1000' });
  });
  afterAll(() => app.close());

  const code = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;

  it('accepts a query at each limit and refuses one step past it with QUERY_LIMIT_EXCEEDED, before touching the database', async () => {
    // company + n parents + id: depth n + 2
    expect((await app.gql(nestedParents(4))).errors).toBeUndefined();
    const deep = await app.gql(nestedParents(5));
    expect(code(deep)).toBe('QUERY_LIMIT_EXCEEDED');
    expect(deep.errors?.[0].message).toMatch(/depth limit of 6/);
    expect(deep.roundTrips).toBe(0);

    expect((await app.gql(aliases(5))).errors).toBeUndefined();
    const many = await app.gql(aliases(6));
    expect(code(many)).toBe('QUERY_LIMIT_EXCEEDED');
    expect(many.errors?.[0].message).toMatch(/Aliases limit of 5/);
    expect(many.roundTrips).toBe(0);
  });

  it('weighs lists by page size and traversals by reach', async () => {
    const page = (first: number) => `{ companies(first: ${first}) { edges { node { id name investmentsReceived { amountUsd } } } } }`;
    expect((await app.gql(page(20))).errors).toBeUndefined();
    const costly = await app.gql(page(100));
    expect(code(costly)).toBe('QUERY_LIMIT_EXCEEDED');
    expect(costly.errors?.[0].message).toMatch(/estimated cost \d+ exceeds the limit of 1000/);
    const near = await app.gql('{ neighborhood(companyId: "x", depth: 1) { nodes { id } } }');
    // cost = 100 per depth + 50 per selected field: 100 + 50 * 2 passes; 300 + 50 * 16 is refused.
    const far = await app.gql('{ neighborhood(companyId: "x", depth: 3) { nodes { id name kind country founded website } edges { id from to kind label amountUsd date facts } } }');
    expect(code(near)).toBe('NOT_FOUND');
    expect(code(far)).toBe('QUERY_LIMIT_EXCEEDED');
  });

  it('judges each set of variables on its own, however often the same document comes back', async () => {
    // Estimates are remembered per document and variables: a cheap call must not let a costly one through.
    const query = 'query($first: Int!) { companies(first: $first) { edges { node { id name investmentsReceived { amountUsd } } } } }';
    for (let round = 0; round < 2; round++) {
      expect((await app.gql(query, { first: 20 })).errors).toBeUndefined();
      const costly = await app.gql(query, { first: 100 });
      expect(code(costly)).toBe('QUERY_LIMIT_EXCEEDED');
      expect(costly.roundTrips).toBe(0);
      expect(code(await app.gql(query, { first: 'twenty' }))).toBe('BAD_USER_INPUT');
    }
  });

  it('caps page sizes', async () => {
    expect(code(await app.gql('{ companies(first: 101) { edges { cursor } } }'))).toBe('BAD_USER_INPUT');
    expect(code(await app.gql('{ companies(first: 0) { edges { cursor } } }'))).toBe('BAD_USER_INPUT');
    expect(code(await app.gql('{ companies(first: 1, after: "bm90LWEtY3Vyc29y") { edges { cursor } } }'))).toBe('BAD_USER_INPUT');
  });
});

describe('production mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => app.close());

  it('turns off introspection and does not suggest field names', async () => {
    const introspection = await app.gql('{ __schema { types { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typo = await app.gql('{ compnay(id: "x") { id } }');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo.errors)).not.toContain('company');
  });
});
