import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, firstError, ok } from './helpers';

const DEAL_FIELDS = `id provider { id } customer { id } valueUsd amountKind announcedOn startsOn endsOn resource capacity status note
  relatedInvestment { id investor { id } investee { id } amountUsd }
  sources { id url }`;
const RECORD = `mutation($input: RecordComputeDealInput!) { recordComputeDeal(input: $input) { ${DEAL_FIELDS} } }`;
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

describe('Compute deal API: derived ids, the computeDeals list, Company deal fields, the related investment', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  // What every fact type keeps (read-back, inline sources, defaults, idempotence, unlinking, CONFLICT, updates, limits,
  // removal) is test/integration/facts/fact-contract.test.ts; here only what is the compute deal's own.
  describe('recordComputeDeal', () => {
    beforeEach(() => coreWorld(app));

    it('derives a stable id from the parties, date, value, resource and capacity', async () => {
      const input = { providerId: 'aws', customerId: 'anthropic', announcedOn: '2023-09-25', resource: 'CLOUD', sourceIds: ['src-one'] };
      const id = (await ok(app, RECORD, { input })).recordComputeDeal.id;
      expect(id).toMatch(/^cd-aws-anthropic-2023-09-25-[0-9a-f]{8}$/);
      const before = await app.counts();
      expect((await ok(app, RECORD, { input })).recordComputeDeal.id).toBe(id);
      expect(await app.counts()).toEqual(before);
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
});
