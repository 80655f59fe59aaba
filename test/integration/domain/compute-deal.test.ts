import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, expectRefused, firstError, futureDay, long, ok } from './helpers';

const DEAL_FIELDS = `id provider { id } customer { id } valueUsd amountKind announcedOn startsOn endsOn resource capacity status note
  relatedInvestment { id investor { id } investee { id } amountUsd }
  sources { id url }`;
const RECORD = `mutation($input: RecordComputeDealInput!) { recordComputeDeal(input: $input) { ${DEAL_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateComputeDealInput!) { updateComputeDeal(id: $id, input: $input) { ${DEAL_FIELDS} } }`;
const REMOVE = 'mutation($id: ID!) { removeComputeDeal(id: $id) { id deleted } }';
const GET = `query($id: ID!) { computeDeal(id: $id) { ${DEAL_FIELDS} } }`;
const LIST = `query($filter: ComputeDealFilter, $sort: ComputeDealSort, $first: Int! = 20, $after: String) {
  computeDeals(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Connection = { computeDeals: { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } } };
const ids = (data: Connection) => data.computeDeals.edges.map((edge) => edge.node.id);

const AMAZON_TRANCHE = { id: 'inv-amazon-1', investorId: 'amazon', investeeId: 'anthropic', amountUsd: 1.25e9, amountKind: 'PAID', announcedOn: '2023-09-25', status: 'COMPLETED', sourceIds: ['src-one'] };

const DEALS = [
  { id: 'cd-aws-anthropic-1', providerId: 'aws', customerId: 'anthropic', announcedOn: '2023-09-25', resource: 'CLOUD', status: 'ACTIVE', relatedInvestmentId: 'inv-amazon-1', sourceIds: ['src-one'] },
  { id: 'cd-aws-anthropic-2', providerId: 'aws', customerId: 'anthropic', announcedOn: '2024-11-22', resource: 'TRAINIUM', status: 'ACTIVE', capacity: '500,000 Trainium2 chips', sourceIds: ['src-two'] },
  { id: 'cd-msft-openai', providerId: 'microsoft', customerId: 'openai', announcedOn: '2023-01', resource: 'CLOUD', status: 'ACTIVE', valueUsd: 1e10, amountKind: 'COMMITMENT', sourceIds: ['src-one'] },
  { id: 'cd-google-anthropic', providerId: 'google', customerId: 'anthropic', announcedOn: '2025-10-23', startsOn: '2026', resource: 'TPU', status: 'ANNOUNCED', sourceIds: ['src-two'] },
  { id: 'cd-msft-mistral', providerId: 'microsoft', customerId: 'mistral', announcedOn: '2024-02-26', endsOn: '2030-12', resource: 'CLOUD', status: 'ANNOUNCED', valueUsd: 1.5e8, amountKind: 'CONTRACT_VALUE', sourceIds: ['src-one'] },
  { id: 'cd-google-openai', providerId: 'google', customerId: 'openai', announcedOn: '2025-06', resource: 'TPU', status: 'LAPSED', valueUsd: 3e10, amountKind: 'UP_TO', sourceIds: ['src-two'] },
];

async function dealWorld(app: TestApp): Promise<void> {
  await coreWorld(app);
  await ok(app, 'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }', { input: AMAZON_TRANCHE });
  for (const input of DEALS) await ok(app, RECORD, { input });
}

describe('Compute deal API (recordComputeDeal, updateComputeDeal, removeComputeDeal, computeDeal, computeDeals, Company deal fields)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  describe('recordComputeDeal and computeDeal', () => {
    beforeEach(async () => {
      await coreWorld(app);
      await ok(app, 'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }', { input: AMAZON_TRANCHE });
    });

    it('records every field with its related investment and reads it back by id', async () => {
      const input = {
        id: 'cd-aws-anthropic-2023-09',
        providerId: 'aws',
        customerId: 'anthropic',
        valueUsd: 4e9,
        amountKind: 'COMMITMENT',
        announcedOn: '2023-09-25',
        startsOn: '2023-10',
        endsOn: '2028',
        resource: 'TRAINIUM',
        capacity: '1 GW',
        status: 'ACTIVE',
        note: 'Primary cloud provider.',
        relatedInvestmentId: 'inv-amazon-1',
        sourceIds: ['src-one'],
        sources: [{ id: 'src-deal', url: 'https://news.example.com/deal', publisher: 'The Information', title: 'AWS and Anthropic' }],
      };
      const before = await app.counts();
      const expected = {
        id: 'cd-aws-anthropic-2023-09',
        provider: { id: 'aws' },
        customer: { id: 'anthropic' },
        valueUsd: 4e9,
        amountKind: 'COMMITMENT',
        announcedOn: '2023-09-25',
        startsOn: '2023-10',
        endsOn: '2028',
        resource: 'TRAINIUM',
        capacity: '1 GW',
        status: 'ACTIVE',
        note: 'Primary cloud provider.',
        relatedInvestment: { id: 'inv-amazon-1', investor: { id: 'amazon' }, investee: { id: 'anthropic' }, amountUsd: 1.25e9 },
        sources: [
          { id: 'src-deal', url: 'https://news.example.com/deal' },
          { id: 'src-one', url: 'https://news.example.com/one' },
        ],
      };
      const sorted = (deal: { sources: { id: string }[] }) => ({ ...deal, sources: [...deal.sources].sort((a, b) => a.id.localeCompare(b.id)) });
      expect(sorted((await ok(app, RECORD, { input })).recordComputeDeal)).toEqual(expected);
      expect(sorted((await ok(app, GET, { id: input.id })).computeDeal)).toEqual(expected);
      expect((await app.counts()).nodes).toBe(before.nodes + 2);
    });

    it('defaults status to ANNOUNCED and optional fields to null; relatedInvestment is null without one', async () => {
      const deal = (await ok(app, RECORD, { input: { id: 'cd-min', providerId: 'google', customerId: 'mistral', announcedOn: '2024-05', resource: 'GPU', sourceIds: ['src-two'] } })).recordComputeDeal;
      expect(deal).toMatchObject({ status: 'ANNOUNCED', valueUsd: null, amountKind: null, startsOn: null, endsOn: null, capacity: null, note: null, relatedInvestment: null, announcedOn: '2024-05' });
    });

    it('returns null for an unknown deal', async () => {
      expect(await ok(app, GET, { id: 'cd-unknown' })).toEqual({ computeDeal: null });
    });

    it('is idempotent per id; re-recording overwrites, including untying the related investment', async () => {
      const first = await ok(app, RECORD, { input: DEALS[0] });
      const afterFirst = await app.counts();
      expect(await ok(app, RECORD, { input: DEALS[0] })).toEqual(first);
      expect(await app.counts()).toEqual(afterFirst);
      const { relatedInvestmentId: _untie, ...withoutInvestment } = DEALS[0];
      const second = (await ok(app, RECORD, { input: { ...withoutInvestment, capacity: '2 GW' } })).recordComputeDeal;
      expect(second).toMatchObject({ id: 'cd-aws-anthropic-1', capacity: '2 GW', relatedInvestment: null });
      expect((await app.counts()).nodes).toBe(afterFirst.nodes);
    });

    it('derives a stable id from the parties, date, value, resource and capacity', async () => {
      const input = { providerId: 'aws', customerId: 'anthropic', announcedOn: '2023-09-25', resource: 'CLOUD', sourceIds: ['src-one'] };
      const id = (await ok(app, RECORD, { input })).recordComputeDeal.id;
      expect(id).toMatch(/^cd-aws-anthropic-2023-09-25-[0-9a-f]{8}$/);
      const before = await app.counts();
      expect((await ok(app, RECORD, { input })).recordComputeDeal.id).toBe(id);
      expect(await app.counts()).toEqual(before);
    });

    it('refuses with CONFLICT the same id for other parties', async () => {
      await ok(app, RECORD, { input: DEALS[0] });
      await expectRefused(app, RECORD, { input: { ...DEALS[0], providerId: 'google' } }, 'CONFLICT', 'cd-aws-anthropic-1');
      await expectRefused(app, RECORD, { input: { ...DEALS[0], customerId: 'openai' } }, 'CONFLICT', 'cd-aws-anthropic-1');
      expect((await ok(app, GET, { id: 'cd-aws-anthropic-1' })).computeDeal).toMatchObject({ provider: { id: 'aws' }, customer: { id: 'anthropic' } });
    });
  });

  describe('updateComputeDeal and removeComputeDeal', () => {
    beforeEach(() => dealWorld(app));

    it('changes given fields, keeps omitted ones, clears nulls and replaces citations', async () => {
      const updated = (await ok(app, UPDATE, { id: 'cd-aws-anthropic-2', input: { valueUsd: 1.1e10, amountKind: 'CONTRACT_VALUE', capacity: null, endsOn: '2029', status: 'COMPLETED', note: 'Project Rainier', sourceIds: ['src-one'] } }))
        .updateComputeDeal;
      const expected = {
        id: 'cd-aws-anthropic-2',
        provider: { id: 'aws' },
        customer: { id: 'anthropic' },
        valueUsd: 1.1e10,
        amountKind: 'CONTRACT_VALUE',
        announcedOn: '2024-11-22',
        startsOn: null,
        endsOn: '2029',
        resource: 'TRAINIUM',
        capacity: null,
        status: 'COMPLETED',
        note: 'Project Rainier',
        relatedInvestment: null,
        sources: [{ id: 'src-one', url: 'https://news.example.com/one' }],
      };
      expect(updated).toEqual(expected);
      expect((await ok(app, GET, { id: 'cd-aws-anthropic-2' })).computeDeal).toEqual(expected);
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      await expectRefused(app, UPDATE, { id: 'cd-unknown', input: { note: 'x' } }, 'NOT_FOUND', 'cd-unknown');
    });

    it.each([
      ['a negative value', { valueUsd: -1 }, 'valueUsd'],
      ['a future announcedOn', { announcedOn: futureDay() }, 'announcedOn'],
      ['an impossible startsOn', { startsOn: '2025-04-31' }, 'startsOn'],
      ['a capacity over 200 characters', { capacity: long(201) }, 'capacity'],
      ['an unknown source id', { sourceIds: ['src-missing'] }, 'sourceIds'],
      ['resource: null (resource is required)', { resource: null }, 'resource'],
      ['status: null (status is required)', { status: null }, 'status'],
      ['announcedOn: null (announcedOn is required)', { announcedOn: null }, 'announcedOn'],
    ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_label, input, field) => {
      const before = await ok(app, GET, { id: 'cd-aws-anthropic-2' });
      await expectRefused(app, UPDATE, { id: 'cd-aws-anthropic-2', input: { note: 'must not be saved', ...input } }, 'BAD_USER_INPUT', field);
      expect(await app.gql(GET, { id: 'cd-aws-anthropic-2' })).toMatchObject({ data: before });
    });

    it('removes a deal (its related investment and sources stay) and answers NOT_FOUND the second time', async () => {
      const before = await app.counts();
      expect(await ok(app, REMOVE, { id: 'cd-aws-anthropic-1' })).toEqual({ removeComputeDeal: { id: 'cd-aws-anthropic-1', deleted: true } });
      expect((await app.counts()).nodes).toBe(before.nodes - 1);
      expect(await ok(app, `{ computeDeal(id: "cd-aws-anthropic-1") { id } investment(id: "inv-amazon-1") { id } source(id: "src-one") { id } company(id: "aws") { computeDealsAsProvider { id } } }`)).toEqual({
        computeDeal: null,
        investment: { id: 'inv-amazon-1' },
        source: { id: 'src-one' },
        company: { computeDealsAsProvider: [{ id: 'cd-aws-anthropic-2' }] },
      });
      await expectRefused(app, REMOVE, { id: 'cd-aws-anthropic-1' }, 'NOT_FOUND', 'cd-aws-anthropic-1');
    });
  });

  describe('computeDeals and Company.computeDealsAsCustomer / computeDealsAsProvider', () => {
    // Read-only tests: one data set for all of them.
    beforeAll(() => dealWorld(app));

    it('lists newest first by default with totalCount', async () => {
      const data = await ok<Connection>(app, LIST);
      expect(ids(data)).toEqual(['cd-google-anthropic', 'cd-google-openai', 'cd-aws-anthropic-2', 'cd-msft-mistral', 'cd-aws-anthropic-1', 'cd-msft-openai']);
      expect(data.computeDeals.totalCount).toBe(6);
    });

    it.each([
      ['provider', { providerId: 'aws' }, ['cd-aws-anthropic-2', 'cd-aws-anthropic-1']],
      ['customer', { customerId: 'anthropic' }, ['cd-google-anthropic', 'cd-aws-anthropic-2', 'cd-aws-anthropic-1']],
      ['provider and customer', { providerId: 'google', customerId: 'openai' }, ['cd-google-openai']],
      ['date range (a year to a month, inclusive)', { from: '2024', to: '2025-06' }, ['cd-google-openai', 'cd-aws-anthropic-2', 'cd-msft-mistral']],
      ['minValueUsd', { minValueUsd: 1e10 }, ['cd-google-openai', 'cd-msft-openai']],
      ['status', { statuses: ['ACTIVE'] }, ['cd-aws-anthropic-2', 'cd-aws-anthropic-1', 'cd-msft-openai']],
      ['resources', { resources: ['TPU', 'TRAINIUM'] }, ['cd-google-anthropic', 'cd-google-openai', 'cd-aws-anthropic-2']],
      ['nothing matching', { providerId: 'mistral' }, []],
    ])('filters by %s', async (_label, filter, expected) => {
      const data = await ok<Connection>(app, LIST, { filter });
      expect(ids(data)).toEqual(expected);
      expect(data.computeDeals.totalCount).toBe(expected.length);
    });

    it.each([
      [{ field: 'ANNOUNCED_ON', direction: 'ASC' }, ['cd-msft-openai', 'cd-aws-anthropic-1', 'cd-msft-mistral', 'cd-aws-anthropic-2', 'cd-google-openai', 'cd-google-anthropic']],
      // Undisclosed values tie: by id in the sort's direction.
      [{ field: 'VALUE', direction: 'DESC' }, ['cd-google-openai', 'cd-msft-openai', 'cd-msft-mistral', 'cd-google-anthropic', 'cd-aws-anthropic-2', 'cd-aws-anthropic-1']],
      [{ field: 'VALUE', direction: 'ASC' }, ['cd-msft-mistral', 'cd-msft-openai', 'cd-google-openai', 'cd-aws-anthropic-1', 'cd-aws-anthropic-2', 'cd-google-anthropic']],
    ])('sorts by %j (undisclosed values last)', async (sort, expected) => {
      expect(ids(await ok<Connection>(app, LIST, { sort }))).toEqual(expected);
    });

    it('pages with first/after', async () => {
      const page1 = await ok<Connection>(app, LIST, { first: 4 });
      expect(ids(page1)).toEqual(['cd-google-anthropic', 'cd-google-openai', 'cd-aws-anthropic-2', 'cd-msft-mistral']);
      expect(page1.computeDeals.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const page2 = await ok<Connection>(app, LIST, { first: 4, after: page1.computeDeals.pageInfo.endCursor });
      expect(ids(page2)).toEqual(['cd-aws-anthropic-1', 'cd-msft-openai']);
      expect(page2.computeDeals.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect(page2.computeDeals.totalCount).toBe(6);
    });

    it.each([
      ['a negative minValueUsd', { filter: { minValueUsd: -1 } }, 'minValueUsd'],
      ['an impossible to date', { filter: { to: '2024-13' } }, 'to'],
      ['first: 0', { first: 0 }, 'first'],
    ])('refuses %s with BAD_USER_INPUT', async (_label, variables, field) => {
      expect(firstError(await app.gql(LIST, variables))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining(field) });
    });

    const COMPANY = `query($id: ID!, $asOf: Date) {
      company(id: $id) {
        computeDealsAsCustomer(asOf: $asOf) { id provider { id name } }
        computeDealsAsProvider(asOf: $asOf) { id customer { id name } }
      }
    }`;
    const dealIds = (deals: { id: string }[]) => deals.map((deal) => deal.id);

    it('lists deals as customer and as provider, oldest first, with the other party', async () => {
      const anthropic = (await ok(app, COMPANY, { id: 'anthropic' })).company;
      expect(anthropic.computeDealsAsCustomer).toEqual([
        { id: 'cd-aws-anthropic-1', provider: { id: 'aws', name: 'Amazon Web Services' } },
        { id: 'cd-aws-anthropic-2', provider: { id: 'aws', name: 'Amazon Web Services' } },
        { id: 'cd-google-anthropic', provider: { id: 'google', name: 'Google' } },
      ]);
      expect(anthropic.computeDealsAsProvider).toEqual([]);
      const microsoft = (await ok(app, COMPANY, { id: 'microsoft' })).company;
      expect(microsoft.computeDealsAsProvider).toEqual([
        { id: 'cd-msft-openai', customer: { id: 'openai', name: 'OpenAI' } },
        { id: 'cd-msft-mistral', customer: { id: 'mistral', name: 'Mistral AI' } },
      ]);
    });

    it.each([
      ['anthropic', 'computeDealsAsCustomer', '2024-11-21', ['cd-aws-anthropic-1']],
      ['anthropic', 'computeDealsAsCustomer', '2024-11-22', ['cd-aws-anthropic-1', 'cd-aws-anthropic-2']],
      ['anthropic', 'computeDealsAsCustomer', '2024', ['cd-aws-anthropic-1', 'cd-aws-anthropic-2']],
      ['aws', 'computeDealsAsProvider', '2023-09', ['cd-aws-anthropic-1']],
      ['google', 'computeDealsAsProvider', '2025-06', ['cd-google-openai']],
      ['microsoft', 'computeDealsAsProvider', '2022', []],
    ])('%s.%s(asOf: %s)', async (id, field, asOf, expected) => {
      expect(dealIds((await ok(app, COMPANY, { id, asOf })).company[field])).toEqual(expected);
    });

    it('ComputeDeal.relatedInvestment resolves the tied investment, null otherwise', async () => {
      const data = await ok(app, '{ a: computeDeal(id: "cd-aws-anthropic-1") { relatedInvestment { id amountUsd announcedOn } } b: computeDeal(id: "cd-aws-anthropic-2") { relatedInvestment { id } } }');
      expect(data).toEqual({ a: { relatedInvestment: { id: 'inv-amazon-1', amountUsd: 1.25e9, announcedOn: '2023-09-25' } }, b: { relatedInvestment: null } });
    });
  });

  describe('recordComputeDeal validation: BAD_USER_INPUT naming the field, nothing written', () => {
    beforeAll(async () => {
      await coreWorld(app);
      await ok(app, 'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }', { input: AMAZON_TRANCHE });
    });
    const valid = { providerId: 'aws', customerId: 'anthropic', announcedOn: '2024-01-15', resource: 'CLOUD', valueUsd: 1e9, amountKind: 'CONTRACT_VALUE', sourceIds: ['src-one'] };

    it('the valid base input is accepted', async () => {
      expect((await ok(app, RECORD, { input: valid })).recordComputeDeal.provider.id).toBe('aws');
    });

    it.each([
      ['an unknown providerId', { providerId: 'no-such-provider' }, 'providerId'],
      ['an unknown customerId', { customerId: 'no-such-customer' }, 'customerId'],
      ['an unknown relatedInvestmentId', { relatedInvestmentId: 'inv-missing' }, 'relatedInvestmentId'],
      ['an unknown source id', { sourceIds: ['src-missing'] }, 'sourceIds'],
      ['a company supplying itself', { customerId: 'aws' }, 'customerId'],
      ['a negative value', { valueUsd: -1 }, 'valueUsd'],
      ['a too large value', { valueUsd: 2e13 }, 'valueUsd'],
      ['amountKind without valueUsd', { valueUsd: null }, 'amountKind'],
      ['an impossible announcedOn (variable)', { announcedOn: '2024-02-30' }, 'announcedOn'],
      ['an impossible month (variable)', { announcedOn: '2023-13' }, 'announcedOn'],
      ['an impossible startsOn', { startsOn: '2023-02-29' }, 'startsOn'],
      ['a future announcedOn', { announcedOn: futureDay() }, 'announcedOn'],
      ['a capacity over 200 characters', { capacity: long(201) }, 'capacity'],
      ['a note over 1000 characters', { note: long(1001) }, 'note'],
      ['an id that is not a slug', { id: 'CD 1' }, 'id'],
      ['no source at all', { sourceIds: null }, 'sourceIds'],
      ['an inline source with a malformed url', { sourceIds: null, sources: [{ url: 'http//broken', publisher: 'P', title: 'T' }] }, 'url'],
    ])('%s', async (_label, change, field) => {
      await expectRefused(app, RECORD, { input: { ...valid, ...change } }, 'BAD_USER_INPUT', field);
    });

    it('valueUsd without amountKind', async () => {
      await expectRefused(app, RECORD, { input: { ...valid, amountKind: null } }, 'BAD_USER_INPUT', 'amountKind');
    });

    it('an impossible date as an inline literal', async () => {
      await expectRefused(
        app,
        'mutation { recordComputeDeal(input: {providerId: "aws", customerId: "anthropic", announcedOn: "2024-02-30", resource: CLOUD, sourceIds: ["src-one"]}) { id } }',
        undefined,
        'BAD_USER_INPUT',
        'announcedOn',
      );
    });
  });
});
