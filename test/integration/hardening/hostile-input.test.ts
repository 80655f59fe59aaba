import fc from 'fast-check';
import { loadDataset } from '../../../src/seed/load-dataset';
import { WRITER_KEY, startTestApp, type TestApp } from '../../support/test-app';

/** Strings an attacker or a broken client sends. */
const hostileString = fc.oneof(
  fc.constantFrom(
    '"}) DETACH DELETE n //',
    "' OR 1=1 --",
    '$companyId',
    '\\u0000',
    '`; MATCH (n) DETACH DELETE n; //`',
    'anthropic\n',
    '💥'.repeat(300),
    'a'.repeat(10000),
    '',
    ' ',
    '../../etc/passwd',
    '<script>alert(1)</script>',
  ),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const hostileNumber = fc.oneof(fc.constantFrom(-1, 0, 1e300, -1e300, Number.MAX_SAFE_INTEGER, 1e13 + 1, 0.1), fc.double({ noNaN: true, noDefaultInfinity: true }));
const hostileInt = fc.oneof(fc.constantFrom(-1, 0, 7, 101, 2147483647, -2147483648), fc.integer());

/** Operations with a variable for every argument a client controls. */
const OPERATIONS: { name: string; query: string; vars: fc.Arbitrary<Record<string, unknown>>; write: boolean }[] = [
  {
    name: 'createCompany',
    write: true,
    query: 'mutation ($id: ID, $name: String!, $country: String, $website: String, $founded: Int, $aliases: [String!]) { createCompany(input: { id: $id, name: $name, kind: AI_LAB, country: $country, website: $website, founded: $founded, aliases: $aliases }) { id } }',
    vars: fc.record({ id: hostileString, name: hostileString, country: hostileString, website: hostileString, founded: hostileInt, aliases: fc.array(hostileString, { maxLength: 3 }) }),
  },
  {
    name: 'updateCompany',
    write: true,
    query: 'mutation ($id: ID!, $name: String, $description: String) { updateCompany(id: $id, input: { name: $name, description: $description }) { id } }',
    vars: fc.record({ id: hostileString, name: hostileString, description: hostileString }),
  },
  { name: 'deleteCompany', write: true, query: 'mutation ($id: ID!) { deleteCompany(id: $id) { deleted } }', vars: fc.record({ id: hostileString }) },
  {
    name: 'recordInvestment',
    write: true,
    query: 'mutation ($i: ID!, $e: ID!, $a: Float, $on: Date!, $round: String, $src: [ID!]) { recordInvestment(input: { investorId: $i, investeeId: $e, amountUsd: $a, amountKind: PAID, announcedOn: $on, round: $round, sourceIds: $src }) { id } }',
    vars: fc.record({ i: hostileString, e: hostileString, a: hostileNumber, on: fc.constantFrom('2024-02-30', '2023', '2099-01-01', 'x'), round: hostileString, src: fc.array(hostileString, { maxLength: 2 }) }),
  },
  {
    name: 'recordComputeDeal',
    write: true,
    query: 'mutation ($p: ID!, $c: ID!, $v: Float, $cap: String, $url: String!) { recordComputeDeal(input: { providerId: $p, customerId: $c, valueUsd: $v, amountKind: CONTRACT_VALUE, announcedOn: "2024", resource: GPU, capacity: $cap, sources: [{ url: $url, publisher: "p", title: "t" }] }) { id } }',
    vars: fc.record({ p: hostileString, c: hostileString, v: hostileNumber, cap: hostileString, url: hostileString }),
  },
  {
    name: 'recordRivalry',
    write: true,
    query: 'mutation ($a: ID!, $b: ID!, $m: String!) { recordRivalry(input: { companyIds: [$a, $b], market: $m, sourceIds: ["src-x"] }) { id } }',
    vars: fc.record({ a: hostileString, b: hostileString, m: hostileString }),
  },
  {
    name: 'recordSource',
    write: true,
    query: 'mutation ($url: String!, $p: String!, $t: String!) { recordSource(input: { url: $url, publisher: $p, title: $t }) { id } }',
    vars: fc.record({ url: hostileString, p: hostileString, t: hostileString }),
  },
  {
    name: 'removeInvestment / removeRivalry / removeSource',
    write: true,
    query: 'mutation ($id: ID!) { removeInvestment(id: $id) { deleted } }',
    vars: fc.record({ id: hostileString }),
  },
  { name: 'searchCompanies', write: false, query: 'query ($t: String!) { searchCompanies(text: $t) { company { id } } }', vars: fc.record({ t: hostileString }) },
  {
    name: 'companies',
    write: false,
    query: 'query ($p: String, $c: String, $after: String, $first: Int) { companies(filter: { namePrefix: $p, country: $c }, first: $first, after: $after) { edges { node { id } } } }',
    vars: fc.record({ p: hostileString, c: hostileString, after: hostileString, first: hostileInt }),
  },
  { name: 'backersOfCompetitors', write: false, query: 'query ($id: ID!) { backersOfCompetitors(companyId: $id) { totalUsd } }', vars: fc.record({ id: hostileString }) },
  { name: 'twoSidedBackers', write: false, query: 'query ($m: String) { twoSidedBackers(market: $m) { market } }', vars: fc.record({ m: hostileString }) },
  { name: 'moneyLoops', write: false, query: 'query ($id: ID, $n: Int) { moneyLoops(companyId: $id, maxLength: $n) { length } }', vars: fc.record({ id: hostileString, n: hostileInt }) },
  {
    name: 'connection',
    write: false,
    query: 'query ($a: ID!, $b: ID!, $h: Int) { connection(fromId: $a, toId: $b, maxHops: $h) { length } }',
    vars: fc.record({ a: hostileString, b: hostileString, h: hostileInt }),
  },
  { name: 'neighborhood', write: false, query: 'query ($id: ID!, $d: Int) { neighborhood(companyId: $id, depth: $d) { truncated } }', vars: fc.record({ id: hostileString, d: hostileInt }) },
  { name: 'exposure', write: false, query: 'query ($id: ID!) { exposure(companyId: $id) { raisedUsd } }', vars: fc.record({ id: hostileString }) },
];

/** A correct answer, or a client error that says what was wrong; never a server error. */
const ACCEPTABLE = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']);

describe('hostile input', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.reset();
    await loadDataset(app.repos);
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it.each(OPERATIONS.map((op) => [op.name, op] as const))('%s: only correct answers or client errors, and rejected writes change nothing', async (_name, op) => {
    await fc.assert(
      fc.asyncProperty(op.vars, async (vars) => {
        const before = op.write ? await app.counts() : undefined;
        const result = await app.gql(op.query, vars, { key: WRITER_KEY });
        const codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
        const bad = codes.filter((code) => !ACCEPTABLE.has(code));
        if (bad.length > 0) throw new Error(`${JSON.stringify(vars).slice(0, 300)} -> ${JSON.stringify(result.errors).slice(0, 500)}`);
        if (op.write && codes.length > 0) expect(await app.counts()).toEqual(before);
      }),
      { numRuns: 40, seed: 20261124 },
    );
  });

  it('the seed data survived every injection attempt', async () => {
    const { data } = await app.gql<{ company: { name: string } }>('{ company(id: "anthropic") { name } }');
    expect(data!.company.name).toBe('Anthropic');
    const [row] = await app.db.readRows('RETURN COUNT { (:Company) } AS companies');
    expect(row.companies as number).toBeGreaterThanOrEqual(62);
  });
});
