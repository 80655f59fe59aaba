import { startTestApp, type TestApp } from '../../support/test-app';
import { AS_WRITER, coreWorld, firstError, ok } from './helpers';

const RECORD = 'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id announcedOn } }';
const LIST = `query($filter: InvestmentFilter, $sort: InvestmentSort, $first: Int! = 20, $after: String) {
  investments(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Connection = { investments: { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } } };
const ids = (data: Connection) => data.investments.edges.map((edge) => edge.node.id);

/** Eight investments: three Amazon tranches into Anthropic, Google into Anthropic (one undisclosed), Microsoft into OpenAI and Mistral. */
const FIXTURES = [
  { id: 'inv-amazon-1', investorId: 'amazon', investeeId: 'anthropic', amountUsd: 1.25e9, amountKind: 'PAID', announcedOn: '2023-09-25', status: 'COMPLETED', instrument: 'CONVERTIBLE_NOTE', sourceIds: ['src-one'] },
  { id: 'inv-amazon-2', investorId: 'amazon', investeeId: 'anthropic', amountUsd: 2.75e9, amountKind: 'PAID', announcedOn: '2024-03-27', status: 'COMPLETED', sourceIds: ['src-two'] },
  { id: 'inv-amazon-3', investorId: 'amazon', investeeId: 'anthropic', amountUsd: 4e9, amountKind: 'COMMITMENT', announcedOn: '2024-11-22', status: 'ANNOUNCED', sourceIds: ['src-one', 'src-two'] },
  { id: 'inv-google-1', investorId: 'google', investeeId: 'anthropic', amountUsd: 2e9, amountKind: 'UP_TO', announcedOn: '2023-10', status: 'ANNOUNCED', sourceIds: ['src-one'] },
  { id: 'inv-google-2', investorId: 'google', investeeId: 'anthropic', announcedOn: '2025-01', status: 'PLANNED', sourceIds: ['src-two'] },
  { id: 'inv-msft-openai', investorId: 'microsoft', investeeId: 'openai', amountUsd: 1e10, amountKind: 'PAID', announcedOn: '2023-01-23', status: 'COMPLETED', sourceIds: ['src-one'] },
  { id: 'inv-msft-mistral', investorId: 'microsoft', investeeId: 'mistral', amountUsd: 1.63e7, amountKind: 'PAID', announcedOn: '2024-02-26', status: 'COMPLETED', sourceIds: ['src-two'] },
  { id: 'inv-msft-openai-stake', investorId: 'microsoft', investeeId: 'openai', amountUsd: 1.35e11, amountKind: 'STAKE_VALUE', announcedOn: '2025-10-28', status: 'COMPLETED', stakePercent: 27, sourceIds: ['src-one'] },
];

async function recordFixtures(app: TestApp): Promise<void> {
  for (const input of FIXTURES) await ok(app, RECORD, { input });
}

describe('Investment API: derived ids, the investments list, Company money fields', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  // What every fact type keeps (read-back, inline sources, defaults, idempotence, CONFLICT, updates, limits, removal)
  // is test/integration/facts/fact-contract.test.ts; here only what is the Investment's own.
  describe('recordInvestment', () => {
    beforeEach(() => coreWorld(app));

    it('accepts 29 February in a leap year', async () => {
      expect((await ok(app, RECORD, { input: { id: 'inv-leap', investorId: 'google', investeeId: 'mistral', announcedOn: '2024-02-29', sourceIds: ['src-one'] } })).recordInvestment.announcedOn).toBe('2024-02-29');
    });

    it('derives a stable id from the parties, date, amount and round when none is given', async () => {
      const input = { investorId: 'amazon', investeeId: 'anthropic', amountUsd: 1.25e9, amountKind: 'PAID', announcedOn: '2023-09-25', sourceIds: ['src-one'] };
      const first = (await ok(app, RECORD, { input })).recordInvestment.id;
      expect(first).toMatch(/^inv-amazon-anthropic-2023-09-25-[0-9a-f]{8}$/);
      const afterFirst = await app.counts();
      expect((await ok(app, RECORD, { input })).recordInvestment.id).toBe(first);
      expect(await app.counts()).toEqual(afterFirst);
      // A second tranche the same day with another amount is another fact.
      const second = (await ok(app, RECORD, { input: { ...input, amountUsd: 2.75e9 } })).recordInvestment.id;
      expect(second).not.toBe(first);
      expect((await app.counts()).nodes).toBe(afterFirst.nodes + 1);
    });
  });

  describe('investments', () => {
    // Read-only tests: one data set for all of them.
    beforeAll(async () => {
      await coreWorld(app);
      await recordFixtures(app);
    });

    it('lists newest first by default with totalCount', async () => {
      const data = await ok<Connection>(app, LIST);
      expect(ids(data)).toEqual(['inv-msft-openai-stake', 'inv-google-2', 'inv-amazon-3', 'inv-amazon-2', 'inv-msft-mistral', 'inv-google-1', 'inv-amazon-1', 'inv-msft-openai']);
      expect(data.investments.totalCount).toBe(8);
      expect(data.investments.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    });

    it.each([
      ['investor', { investorId: 'amazon' }, ['inv-amazon-3', 'inv-amazon-2', 'inv-amazon-1']],
      ['investee', { investeeId: 'anthropic' }, ['inv-google-2', 'inv-amazon-3', 'inv-amazon-2', 'inv-google-1', 'inv-amazon-1']],
      ['investor and investee', { investorId: 'microsoft', investeeId: 'openai' }, ['inv-msft-openai-stake', 'inv-msft-openai']],
      ['date range (inclusive, days)', { from: '2024-02-26', to: '2024-11-22' }, ['inv-amazon-3', 'inv-amazon-2', 'inv-msft-mistral']],
      ['to a month (end of that month)', { to: '2023-10' }, ['inv-google-1', 'inv-amazon-1', 'inv-msft-openai']],
      ['from a year (start of that year)', { from: '2025' }, ['inv-msft-openai-stake', 'inv-google-2']],
      ['minAmountUsd (inclusive)', { minAmountUsd: 2.75e9 }, ['inv-msft-openai-stake', 'inv-amazon-3', 'inv-amazon-2', 'inv-msft-openai']],
      ['status', { statuses: ['PLANNED'] }, ['inv-google-2']],
      ['statuses', { statuses: ['ANNOUNCED', 'PLANNED'] }, ['inv-google-2', 'inv-amazon-3', 'inv-google-1']],
      ['amount kinds', { amountKinds: ['UP_TO', 'COMMITMENT'] }, ['inv-amazon-3', 'inv-google-1']],
      ['all together', { investeeId: 'anthropic', from: '2023-10-01', to: '2024-12-31', minAmountUsd: 2e9, statuses: ['COMPLETED', 'ANNOUNCED'] }, ['inv-amazon-3', 'inv-amazon-2', 'inv-google-1']],
      ['an unknown investor (no match, not an error)', { investorId: 'nobody' }, []],
    ])('filters by %s', async (_label, filter, expected) => {
      const data = await ok<Connection>(app, LIST, { filter });
      expect(ids(data)).toEqual(expected);
      expect(data.investments.totalCount).toBe(expected.length);
    });

    it.each([
      [{ field: 'ANNOUNCED_ON', direction: 'ASC' }, ['inv-msft-openai', 'inv-amazon-1', 'inv-google-1', 'inv-msft-mistral', 'inv-amazon-2', 'inv-amazon-3', 'inv-google-2', 'inv-msft-openai-stake']],
      [{ field: 'AMOUNT', direction: 'DESC' }, ['inv-msft-openai-stake', 'inv-msft-openai', 'inv-amazon-3', 'inv-amazon-2', 'inv-google-1', 'inv-amazon-1', 'inv-msft-mistral', 'inv-google-2']],
      [{ field: 'AMOUNT', direction: 'ASC' }, ['inv-msft-mistral', 'inv-amazon-1', 'inv-google-1', 'inv-amazon-2', 'inv-amazon-3', 'inv-msft-openai', 'inv-msft-openai-stake', 'inv-google-2']],
    ])('sorts by %j (undisclosed amounts last)', async (sort, expected) => {
      expect(ids(await ok<Connection>(app, LIST, { sort }))).toEqual(expected);
    });

    it.each([
      ['a negative minAmountUsd', { filter: { minAmountUsd: -1 } }, 'minAmountUsd'],
      ['an impossible from date', { filter: { from: '2024-02-30' } }, 'from'],
      ['an impossible to month', { filter: { to: '2023-13' } }, 'to'],
      ['first: 101', { first: 101 }, 'first'],
      ['a forged cursor', { after: 'bm9wZQ' }, 'after'],
    ])('refuses %s with BAD_USER_INPUT', async (_label, variables, field) => {
      expect(firstError(await app.gql(LIST, variables))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining(field) });
    });
  });

  describe('Company.investmentsReceived, investmentsMade, totalRaisedUsd', () => {
    beforeAll(async () => {
      await coreWorld(app);
      await recordFixtures(app);
    });
    const COMPANY = `query($id: ID!, $asOf: Date, $kinds: [AmountKind!]! = [PAID, COMMITMENT, UP_TO]) {
      company(id: $id) {
        investmentsReceived(asOf: $asOf) { id investor { id name } amountUsd announcedOn }
        investmentsMade(asOf: $asOf) { id investee { id } }
        totalRaisedUsd(asOf: $asOf, amountKinds: $kinds)
        allTime: totalRaisedUsd
        raised { paidUsd committedUsd ceilingUsd headlineUsd }
      }
    }`;

    it('lists investments received oldest first with investors; sums paid and committed by default, ceilings only when asked', async () => {
      const { company } = await ok(app, COMPANY, { id: 'anthropic' });
      expect(company.investmentsReceived).toEqual([
        { id: 'inv-amazon-1', investor: { id: 'amazon', name: 'Amazon' }, amountUsd: 1.25e9, announcedOn: '2023-09-25' },
        { id: 'inv-google-1', investor: { id: 'google', name: 'Google' }, amountUsd: 2e9, announcedOn: '2023-10' },
        { id: 'inv-amazon-2', investor: { id: 'amazon', name: 'Amazon' }, amountUsd: 2.75e9, announcedOn: '2024-03-27' },
        { id: 'inv-amazon-3', investor: { id: 'amazon', name: 'Amazon' }, amountUsd: 4e9, announcedOn: '2024-11-22' },
        { id: 'inv-google-2', investor: { id: 'google', name: 'Google' }, amountUsd: null, announcedOn: '2025-01' },
      ]);
      expect(company.investmentsMade).toEqual([]);
      expect(company.totalRaisedUsd).toBe(1e10);
      // The headline leaves Google's $2B ceiling out; `raised` shows it apart.
      expect(company.allTime).toBe(8e9);
      expect(company.raised).toEqual({ paidUsd: 4e9, committedUsd: 4e9, ceilingUsd: 2e9, headlineUsd: 8e9 });
    });

    it.each([
      ['a day', '2024-03-31', ['inv-amazon-1', 'inv-google-1', 'inv-amazon-2'], 6e9],
      ['the day before a tranche', '2024-03-26', ['inv-amazon-1', 'inv-google-1'], 3.25e9],
      ['a month (its last day)', '2024-03', ['inv-amazon-1', 'inv-google-1', 'inv-amazon-2'], 6e9],
      ['a year (its last day)', '2023', ['inv-amazon-1', 'inv-google-1'], 3.25e9],
      ['a date before any investment', '2020-01-01', [], 0],
    ])('filters by asOf %s', async (_label, asOf, expected, total) => {
      const { company } = await ok(app, COMPANY, { id: 'anthropic', asOf });
      expect(company.investmentsReceived.map((i: { id: string }) => i.id)).toEqual(expected);
      expect(company.totalRaisedUsd).toBe(total);
      expect(company.allTime).toBe(8e9);
    });

    it('lists investments made, oldest first, with asOf', async () => {
      expect((await ok(app, COMPANY, { id: 'amazon' })).company.investmentsMade).toEqual([
        { id: 'inv-amazon-1', investee: { id: 'anthropic' } },
        { id: 'inv-amazon-2', investee: { id: 'anthropic' } },
        { id: 'inv-amazon-3', investee: { id: 'anthropic' } },
      ]);
      expect((await ok(app, COMPANY, { id: 'amazon', asOf: '2024-03-26' })).company.investmentsMade).toEqual([{ id: 'inv-amazon-1', investee: { id: 'anthropic' } }]);
      expect((await ok(app, COMPANY, { id: 'microsoft' })).company.investmentsMade.map((i: { id: string }) => i.id)).toEqual(['inv-msft-openai', 'inv-msft-mistral', 'inv-msft-openai-stake']);
    });

    it('totalRaisedUsd counts only the chosen amount kinds and never stake values', async () => {
      expect((await ok(app, COMPANY, { id: 'anthropic', kinds: ['PAID'] })).company.totalRaisedUsd).toBe(4e9);
      expect((await ok(app, COMPANY, { id: 'anthropic', kinds: ['COMMITMENT', 'UP_TO'] })).company.totalRaisedUsd).toBe(6e9);
      const openai = (await ok(app, COMPANY, { id: 'openai' })).company;
      expect(openai.totalRaisedUsd).toBe(1e10);
      expect((await ok(app, COMPANY, { id: 'openai', kinds: ['STAKE_VALUE'] })).company.totalRaisedUsd).toBe(0);
      expect((await ok(app, COMPANY, { id: 'microsoft' })).company.totalRaisedUsd).toBe(0);
    });

    it('refuses an impossible asOf with BAD_USER_INPUT', async () => {
      expect(firstError(await app.gql(COMPANY, { id: 'anthropic', asOf: '2024-02-30' }))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('asOf') });
    });
  });

  describe('a document with an impossible literal', () => {
    beforeAll(() => coreWorld(app));

    it('a document with one valid mutation and one impossible literal date is refused as a whole: no partial write', async () => {
      const before = await app.counts();
      const result = await app.gql(
        'mutation { ok: recordInvestment(input: {id: "inv-ok", investorId: "amazon", investeeId: "anthropic", announcedOn: "2024-01-01", sourceIds: ["src-one"]}) { id } bad: recordInvestment(input: {investorId: "amazon", investeeId: "anthropic", announcedOn: "2023-02-29", sourceIds: ["src-one"]}) { id } }',
        undefined,
        AS_WRITER,
      );
      expect(firstError(result)?.code).toBe('BAD_USER_INPUT');
      expect(await app.counts()).toEqual(before);
    });
  });
});
