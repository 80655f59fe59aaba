import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, expectRefused, firstError, futureDay, long, ok } from './helpers';

const RIVALRY_FIELDS = 'id companies { id } market since note sources { id }';
const RECORD = `mutation($input: RecordRivalryInput!) { recordRivalry(input: $input) { ${RIVALRY_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateRivalryInput!) { updateRivalry(id: $id, input: $input) { ${RIVALRY_FIELDS} } }`;
const REMOVE = 'mutation($id: ID!) { removeRivalry(id: $id) { id deleted } }';
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

describe('Rivalry API (recordRivalry, updateRivalry, removeRivalry, rivalry, rivalries, Company.competitors / rivalries)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  describe('recordRivalry and rivalry', () => {
    beforeEach(() => coreWorld(app));

    it('records a rivalry (pair stored in id order) and reads it back by id', async () => {
      const input = { id: 'riv-anthropic-google', companyIds: ['google', 'anthropic'], market: 'frontier-models', since: '2024-03-27', note: 'Claude vs Gemini', sourceIds: ['src-one', 'src-two'] };
      const expected = { id: 'riv-anthropic-google', companies: [{ id: 'anthropic' }, { id: 'google' }], market: 'frontier-models', since: '2024-03-27', note: 'Claude vs Gemini' };
      const recorded = (await ok(app, RECORD, { input })).recordRivalry;
      expect(recorded).toMatchObject(expected);
      expect(recorded.sources.map((s: { id: string }) => s.id).sort()).toEqual(['src-one', 'src-two']);
      expect((await ok(app, GET, { id: input.id })).rivalry).toMatchObject(expected);
      expect(await rivalryCount(app, 'anthropic', 'google')).toBe(1);
    });

    it('returns null for an unknown rivalry', async () => {
      expect(await ok(app, GET, { id: 'riv-unknown' })).toEqual({ rivalry: null });
    });

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

    it('refuses with CONFLICT the same id for another pair', async () => {
      await ok(app, RECORD, { input: { id: 'riv-x', companyIds: ['anthropic', 'openai'], market: 'frontier-models', sourceIds: ['src-one'] } });
      await expectRefused(app, RECORD, { input: { id: 'riv-x', companyIds: ['anthropic', 'google'], market: 'frontier-models', sourceIds: ['src-one'] } }, 'CONFLICT', 'riv-x');
      expect((await ok(app, GET, { id: 'riv-x' })).rivalry.companies).toEqual([{ id: 'anthropic' }, { id: 'openai' }]);
    });
  });

  describe('updateRivalry and removeRivalry', () => {
    beforeEach(() => rivalryWorld(app));

    it('changes market, note, since and replaces the sources; omitted fields stay', async () => {
      const updated = (await ok(app, UPDATE, { id: 'riv-anthropic-mistral', input: { market: 'open-weights', note: 'Le Chat', sourceIds: ['src-one'] } })).updateRivalry;
      const expected = { id: 'riv-anthropic-mistral', companies: [{ id: 'anthropic' }, { id: 'mistral' }], market: 'open-weights', since: '2024-03-27', note: 'Le Chat', sources: [{ id: 'src-one' }] };
      expect(updated).toEqual(expected);
      expect((await ok(app, GET, { id: 'riv-anthropic-mistral' })).rivalry).toEqual(expected);
      const cleared = (await ok(app, UPDATE, { id: 'riv-anthropic-mistral', input: { since: null, note: null } })).updateRivalry;
      expect(cleared).toMatchObject({ since: null, note: null, market: 'open-weights', sources: [{ id: 'src-one' }] });
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      await expectRefused(app, UPDATE, { id: 'riv-unknown', input: { note: 'x' } }, 'NOT_FOUND', 'riv-unknown');
    });

    it('refuses with CONFLICT a market change that would duplicate another rivalry of the same pair', async () => {
      await ok(app, RECORD, { input: { id: 'riv-anthropic-openai-coding', companyIds: ['anthropic', 'openai'], market: 'coding-assistants', sourceIds: ['src-one'] } });
      await expectRefused(app, UPDATE, { id: 'riv-anthropic-openai-coding', input: { market: 'frontier-models' } }, 'CONFLICT');
      expect((await ok(app, GET, { id: 'riv-anthropic-openai-coding' })).rivalry.market).toBe('coding-assistants');
    });

    it.each([
      ['a market that is not a kebab-case label', { market: 'Frontier Models' }, 'market'],
      ['a future since', { since: futureDay() }, 'since'],
      ['an impossible since', { since: '2023-02-29' }, 'since'],
      ['an unknown source id', { sourceIds: ['src-missing'] }, 'sourceIds'],
      ['an empty list of sources', { sourceIds: [] }, 'sourceIds'],
      ['market: null (market is required)', { market: null }, 'market'],
    ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_label, input, field) => {
      const before = await ok(app, GET, { id: 'riv-anthropic-mistral' });
      await expectRefused(app, UPDATE, { id: 'riv-anthropic-mistral', input: { note: 'must not be saved', ...input } }, 'BAD_USER_INPUT', field);
      expect(await app.gql(GET, { id: 'riv-anthropic-mistral' })).toMatchObject({ data: before });
    });

    it('removes a rivalry (companies and sources stay) and answers NOT_FOUND the second time', async () => {
      const before = await app.counts();
      // The fact node goes with its two party relationships and its citation, and the derived COMPETES_WITH edge.
      const [held] = await app.db.readRows("MATCH (f:Rivalry {id: 'riv-anthropic-openai'}) RETURN COUNT { (f)--() } AS n");
      expect(await ok(app, REMOVE, { id: 'riv-anthropic-openai' })).toEqual({ removeRivalry: { id: 'riv-anthropic-openai', deleted: true } });
      expect(held!.n).toBe(3);
      expect(await app.counts()).toEqual({ nodes: before.nodes - 1, relationships: before.relationships - 3 - 1 });
      expect(await ok(app, '{ rivalry(id: "riv-anthropic-openai") { id } company(id: "anthropic") { competitors { id } } }')).toEqual({
        rivalry: null,
        company: { competitors: [{ id: 'google' }, { id: 'mistral' }] },
      });
      await expectRefused(app, REMOVE, { id: 'riv-anthropic-openai' }, 'NOT_FOUND', 'riv-anthropic-openai');
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

    it('pages with first/after', async () => {
      const page1 = await ok<Connection>(app, LIST, { first: 4 });
      expect(ids(page1)).toEqual(['riv-aws-google', 'riv-google-microsoft', 'riv-microsoft-openai', 'riv-anthropic-google']);
      expect(page1.rivalries.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const page2 = await ok<Connection>(app, LIST, { first: 4, after: page1.rivalries.pageInfo.endCursor });
      expect(ids(page2)).toEqual(['riv-anthropic-mistral', 'riv-anthropic-openai']);
      expect(page2.rivalries.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect(page2.rivalries.totalCount).toBe(6);
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

  describe('recordRivalry validation: BAD_USER_INPUT naming the field, nothing written', () => {
    beforeAll(() => coreWorld(app));
    const valid = { companyIds: ['anthropic', 'openai'], market: 'frontier-models', since: '2021', sourceIds: ['src-one'] };

    it('the valid base input is accepted', async () => {
      expect((await ok(app, RECORD, { input: valid })).recordRivalry.id).toBe('riv-anthropic-openai-frontier-models');
    });

    it.each([
      ['a company competing with itself', { companyIds: ['anthropic', 'anthropic'], market: 'other-market' }, 'companyIds'],
      ['an unknown company id', { companyIds: ['anthropic', 'no-such-company'] }, 'companyIds'],
      ['one company id', { companyIds: ['anthropic'] }, 'companyIds'],
      ['three company ids', { companyIds: ['anthropic', 'openai', 'google'] }, 'companyIds'],
      ['a market that is not a kebab-case label', { market: 'Frontier Models' }, 'market'],
      ['an empty market', { market: '' }, 'market'],
      ['a market over 60 characters', { market: `m${'-x'.repeat(30)}` }, 'market'],
      ['a future since', { since: futureDay() }, 'since'],
      ['an impossible since (variable)', { since: '2024-02-30' }, 'since'],
      ['an impossible month (variable)', { since: '2023-13' }, 'since'],
      ['an unknown source id', { sourceIds: ['src-missing'] }, 'sourceIds'],
      ['no source at all', { sourceIds: null }, 'sourceIds'],
      ['a note over 1000 characters', { note: long(1001) }, 'note'],
      ['an id that is not a slug', { id: 'riv--x' }, 'id'],
    ])('%s', async (_label, change, field) => {
      await expectRefused(app, RECORD, { input: { ...valid, market: 'another-market', ...change } }, 'BAD_USER_INPUT', field);
    });

    it('an impossible date as an inline literal', async () => {
      await expectRefused(
        app,
        'mutation { recordRivalry(input: {companyIds: ["anthropic", "google"], market: "frontier-models", since: "2024-02-30", sourceIds: ["src-one"]}) { id } }',
        undefined,
        'BAD_USER_INPUT',
        'since',
      );
    });
  });
});
