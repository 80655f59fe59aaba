import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, expectRefused, firstError, ok } from './helpers';

const RIVALRY_FIELDS = 'id companies { id } market since note sources { id }';
const RECORD = `mutation($input: RecordRivalryInput!) { recordRivalry(input: $input) { ${RIVALRY_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateRivalryInput!) { updateRivalry(id: $id, input: $input) { ${RIVALRY_FIELDS} } }`;
const GET = `query($id: ID!) { rivalry(id: $id) { ${RIVALRY_FIELDS} } }`;
const LIST = `query($companyId: ID, $market: String, $asOf: Date, $first: Int! = 20, $after: String) {
  rivalries(companyId: $companyId, market: $market, asOf: $asOf, first: $first, after: $after) {
    totalCount
    edges { cursor node { id companies { id } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

type Connection = { rivalries: { totalCount: number; edges: { node: { id: string; companies: { id: string }[] } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } } };
const ids = (data: Connection) => data.rivalries.edges.map((edge) => edge.node.id);

const RIVALRIES = [
  { id: 'riv-anthropic-openai', companyIds: ['anthropic', 'openai'], market: 'frontier-models', since: '2021', sourceIds: ['src-one'] },
  { id: 'riv-anthropic-google', companyIds: ['google', 'anthropic'], market: 'frontier-models', since: '2024-03-27', sourceIds: ['src-one', 'src-two'] },
  { id: 'riv-anthropic-mistral', companyIds: ['anthropic', 'mistral'], market: 'frontier-models', since: '2024-03-27', sourceIds: ['src-two'] },
  { id: 'riv-aws-google', companyIds: ['aws', 'google'], market: 'cloud-infrastructure', since: '2008', sourceIds: ['src-one'] },
  { id: 'riv-google-microsoft', companyIds: ['microsoft', 'google'], market: 'cloud-infrastructure', sourceIds: ['src-one'] },
  { id: 'riv-microsoft-openai', companyIds: ['microsoft', 'openai'], market: 'enterprise-llm', since: '2024-07-30', sourceIds: ['src-two'] },
];

async function rivalryWorld(app: TestApp): Promise<void> {
  await coreWorld(app);
  for (const input of RIVALRIES) await ok(app, RECORD, { input });
}

/** Number of COMPETES_WITH relationships between two companies, in either direction. */
async function rivalryCount(app: TestApp, a: string, b: string): Promise<number> {
  const [row] = await app.db.readRows('MATCH (:Company {id: $a})-[r:COMPETES_WITH]-(:Company {id: $b}) RETURN count(r) AS n', { a, b });
  return row.n as number;
}

describe('Rivalry API: a symmetric pair unique per market, the rivalries list, Company.competitors / rivalries', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  // What every fact type keeps (read-back with the pair in id order, inline sources, defaults, idempotence, CONFLICT,
  // updates, limits including the pair's size, removal) is test/integration/facts/fact-contract.test.ts; here only what
  // is the rivalry's own: a symmetric pair, unique per market.
  describe('recordRivalry', () => {
    beforeEach(() => coreWorld(app));

    it('derives the id from the sorted pair and market, so (b, a) is the same rivalry as (a, b)', async () => {
      const first = (await ok(app, RECORD, { input: { companyIds: ['openai', 'anthropic'], market: 'frontier-models', sourceIds: ['src-one'] } })).recordRivalry;
      expect(first.id).toBe('riv-anthropic-openai-frontier-models');
      const before = await app.counts();
      const second = (await ok(app, RECORD, { input: { companyIds: ['anthropic', 'openai'], market: 'frontier-models', sourceIds: ['src-one'] } })).recordRivalry;
      expect(second).toEqual(first);
      expect(await app.counts()).toEqual(before);
      expect(await rivalryCount(app, 'anthropic', 'openai')).toBe(1);
    });

    it('(b, a) with the same explicit id updates the same single relationship', async () => {
      await ok(app, RECORD, { input: { id: 'riv-x', companyIds: ['anthropic', 'openai'], market: 'frontier-models', sourceIds: ['src-one'] } });
      const before = await app.counts();
      const again = (await ok(app, RECORD, { input: { id: 'riv-x', companyIds: ['openai', 'anthropic'], market: 'frontier-models', note: 'again', sourceIds: ['src-one'] } })).recordRivalry;
      expect(again).toMatchObject({ id: 'riv-x', companies: [{ id: 'anthropic' }, { id: 'openai' }], note: 'again' });
      expect(await app.counts()).toEqual(before);
      expect(await rivalryCount(app, 'anthropic', 'openai')).toBe(1);
      expect((await ok<Connection>(app, LIST, { companyId: 'openai' })).rivalries.totalCount).toBe(1);
    });

    it('refuses with CONFLICT an existing pair and market under another id, in either order', async () => {
      await ok(app, RECORD, { input: { id: 'riv-x', companyIds: ['anthropic', 'openai'], market: 'frontier-models', sourceIds: ['src-one'] } });
      const result = await expectRefused(app, RECORD, { input: { id: 'riv-y', companyIds: ['anthropic', 'openai'], market: 'frontier-models', sourceIds: ['src-one'] } }, 'CONFLICT', 'riv-x');
      expect(result.errors?.[0].message).toContain('frontier-models');
      await expectRefused(app, RECORD, { input: { id: 'riv-z', companyIds: ['openai', 'anthropic'], market: 'frontier-models', sourceIds: ['src-one'] } }, 'CONFLICT', 'riv-x');
      await expectRefused(app, RECORD, { input: { companyIds: ['openai', 'anthropic'], market: 'frontier-models', sourceIds: ['src-one'] } }, 'CONFLICT', 'riv-x');
      expect(await rivalryCount(app, 'anthropic', 'openai')).toBe(1);
    });

    it('accepts the same pair in another market as another rivalry', async () => {
      await ok(app, RECORD, { input: { id: 'riv-x', companyIds: ['anthropic', 'openai'], market: 'frontier-models', sourceIds: ['src-one'] } });
      await ok(app, RECORD, { input: { id: 'riv-y', companyIds: ['openai', 'anthropic'], market: 'coding-assistants', sourceIds: ['src-one'] } });
      expect(await rivalryCount(app, 'anthropic', 'openai')).toBe(2);
    });
  });

  describe('updateRivalry', () => {
    beforeEach(() => rivalryWorld(app));

    it('refuses with CONFLICT a market change that would duplicate another rivalry of the same pair', async () => {
      await ok(app, RECORD, { input: { id: 'riv-anthropic-openai-coding', companyIds: ['anthropic', 'openai'], market: 'coding-assistants', sourceIds: ['src-one'] } });
      await expectRefused(app, UPDATE, { id: 'riv-anthropic-openai-coding', input: { market: 'frontier-models' } }, 'CONFLICT');
      expect((await ok(app, GET, { id: 'riv-anthropic-openai-coding' })).rivalry.market).toBe('coding-assistants');
    });
  });

  describe('rivalries and Company.competitors / rivalries', () => {
    // Read-only tests: one data set for all of them.
    beforeAll(() => rivalryWorld(app));

    it('lists by market then names, with both companies and totalCount', async () => {
      const data = await ok<Connection>(app, LIST);
      expect(ids(data)).toEqual(['riv-aws-google', 'riv-google-microsoft', 'riv-microsoft-openai', 'riv-anthropic-google', 'riv-anthropic-mistral', 'riv-anthropic-openai']);
      expect(data.rivalries.edges[0].node.companies).toEqual([{ id: 'aws' }, { id: 'google' }]);
      expect(data.rivalries.totalCount).toBe(6);
    });

    it.each([
      ['company', { companyId: 'google' }, ['riv-aws-google', 'riv-google-microsoft', 'riv-anthropic-google']],
      ['market', { market: 'frontier-models' }, ['riv-anthropic-google', 'riv-anthropic-mistral', 'riv-anthropic-openai']],
      ['asOf (undated rivalries always count)', { asOf: '2024-03-26' }, ['riv-aws-google', 'riv-google-microsoft', 'riv-anthropic-openai']],
      ['asOf a month (its last day)', { asOf: '2024-03', market: 'frontier-models' }, ['riv-anthropic-google', 'riv-anthropic-mistral', 'riv-anthropic-openai']],
      ['company and market', { companyId: 'microsoft', market: 'enterprise-llm' }, ['riv-microsoft-openai']],
      ['an unknown market', { market: 'quantum' }, []],
    ])('filters by %s', async (_label, variables, expected) => {
      const data = await ok<Connection>(app, LIST, variables);
      expect(ids(data)).toEqual(expected);
      expect(data.rivalries.totalCount).toBe(expected.length);
    });

    it.each([
      ['first: 0', { first: 0 }, 'first'],
      ['an impossible asOf', { asOf: '2024-02-30' }, 'asOf'],
      ['a forged cursor', { after: 'eHl6' }, 'after'],
    ])('refuses %s with BAD_USER_INPUT', async (_label, variables, field) => {
      expect(firstError(await app.gql(LIST, variables))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining(field) });
    });

    const COMPANY = 'query($id: ID!, $asOf: Date) { company(id: $id) { competitors(asOf: $asOf) { id name } rivalries(asOf: $asOf) { id market companies { id } sources { id } } } }';
    const competitorIds = (company: { competitors: { id: string }[] }) => company.competitors.map((c) => c.id);

    it('lists competitors on either side of a rivalry, by name, and the rivalries with markets and sources', async () => {
      const anthropic = (await ok(app, COMPANY, { id: 'anthropic' })).company;
      expect(anthropic.competitors).toEqual([
        { id: 'google', name: 'Google' },
        { id: 'mistral', name: 'Mistral AI' },
        { id: 'openai', name: 'OpenAI' },
      ]);
      // Oldest first, as every Company fact field (by since, then id).
      expect(anthropic.rivalries.map((r: { id: string; market: string }) => [r.id, r.market])).toEqual([
        ['riv-anthropic-openai', 'frontier-models'],
        ['riv-anthropic-google', 'frontier-models'],
        ['riv-anthropic-mistral', 'frontier-models'],
      ]);
      expect(anthropic.rivalries[1].companies).toEqual([{ id: 'anthropic' }, { id: 'google' }]);
      expect(anthropic.rivalries[1].sources.map((s: { id: string }) => s.id).sort()).toEqual(['src-one', 'src-two']);
      // google sits on the higher-id side of riv-anthropic-google and the lower side of riv-google-microsoft.
      expect(competitorIds((await ok(app, COMPANY, { id: 'google' })).company)).toEqual(['aws', 'anthropic', 'microsoft']);
    });

    it.each([
      ['anthropic', '2024-03', ['google', 'mistral', 'openai']],
      ['anthropic', '2024-03-26', ['openai']],
      ['anthropic', '2020', []],
      ['google', '2000', ['microsoft']],
      ['openai', '2024-07-29', ['anthropic']],
      ['openai', '2024-07-30', ['anthropic', 'microsoft']],
    ])('%s.competitors(asOf: %s)', async (id, asOf, expected) => {
      const company = (await ok(app, COMPANY, { id, asOf })).company;
      expect(competitorIds(company)).toEqual(expected);
      expect(company.rivalries).toHaveLength(expected.length);
    });

    it('lists a competitor once even when the pair competes in two markets', async () => {
      await ok(app, RECORD, { input: { id: 'riv-google-microsoft-models', companyIds: ['google', 'microsoft'], market: 'frontier-models', sourceIds: ['src-one'] } });
      const google = (await ok(app, COMPANY, { id: 'google' })).company;
      expect(competitorIds(google)).toEqual(['aws', 'anthropic', 'microsoft']);
      expect(google.rivalries.map((r: { id: string }) => r.id).sort()).toEqual(['riv-anthropic-google', 'riv-aws-google', 'riv-google-microsoft', 'riv-google-microsoft-models']);
    });
  });
});
