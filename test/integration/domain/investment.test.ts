import { startTestApp, type TestApp } from '../../support/test-app';
import { AS_WRITER, coreWorld, expectRefused, firstError, futureDay, long, ok } from './helpers';

const INVESTMENT_FIELDS = `id investor { id } investee { id } amountUsd amountKind announcedOn closedOn round stakePercent valuationUsd
  instrument status note sources { id url publisher title publishedOn }`;
const RECORD = `mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { ${INVESTMENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInvestmentInput!) { updateInvestment(id: $id, input: $input) { ${INVESTMENT_FIELDS} } }`;
const REMOVE = 'mutation($id: ID!) { removeInvestment(id: $id) { id deleted } }';
const GET = `query($id: ID!) { investment(id: $id) { ${INVESTMENT_FIELDS} } }`;
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

describe('Investment API (recordInvestment, updateInvestment, removeInvestment, investment, investments, Company money fields)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  describe('recordInvestment and investment', () => {
    beforeEach(() => coreWorld(app));

    it('records every field, with cited and inline sources, and reads it back by id', async () => {
      const input = {
        id: 'inv-amazon-anthropic-2023-09',
        investorId: 'amazon',
        investeeId: 'anthropic',
        amountUsd: 1.25e9,
        amountKind: 'PAID',
        announcedOn: '2023-09-25',
        closedOn: '2023-10',
        round: 'Strategic investment (tranche 1 of up to $4B)',
        stakePercent: 2.5,
        valuationUsd: 1.84e10,
        instrument: 'CONVERTIBLE_NOTE',
        status: 'COMPLETED',
        note: 'Minority stake.',
        sourceIds: ['src-one'],
        sources: [{ id: 'src-new', url: 'https://news.example.com/new', publisher: ' Bloomberg ', title: 'Amazon invests', publishedOn: '2023' }],
      };
      const before = await app.counts();
      const recorded = (await ok(app, RECORD, { input })).recordInvestment;
      const expected = {
        id: 'inv-amazon-anthropic-2023-09',
        investor: { id: 'amazon' },
        investee: { id: 'anthropic' },
        amountUsd: 1.25e9,
        amountKind: 'PAID',
        announcedOn: '2023-09-25',
        closedOn: '2023-10',
        round: 'Strategic investment (tranche 1 of up to $4B)',
        stakePercent: 2.5,
        valuationUsd: 1.84e10,
        instrument: 'CONVERTIBLE_NOTE',
        status: 'COMPLETED',
        note: 'Minority stake.',
        sources: [
          { id: 'src-new', url: 'https://news.example.com/new', publisher: 'Bloomberg', title: 'Amazon invests', publishedOn: '2023' },
          { id: 'src-one', url: 'https://news.example.com/one', publisher: 'Reuters', title: 'First report', publishedOn: '2023-09-25' },
        ],
      };
      const bySourceId = (investment: { sources: { id: string }[] }) => ({ ...investment, sources: [...investment.sources].sort((a, b) => a.id.localeCompare(b.id)) });
      expect(bySourceId(recorded)).toEqual(expected);
      expect(bySourceId((await ok(app, GET, { id: input.id })).investment)).toEqual(expected);
      // One Investment and one Source node.
      expect((await app.counts()).nodes).toBe(before.nodes + 2);
    });

    it('defaults status to ANNOUNCED and optional fields to null', async () => {
      const recorded = (await ok(app, RECORD, { input: { id: 'inv-min', investorId: 'google', investeeId: 'mistral', announcedOn: '2024', sourceIds: ['src-one'] } })).recordInvestment;
      expect(recorded).toMatchObject({ status: 'ANNOUNCED', amountUsd: null, amountKind: null, announcedOn: '2024', closedOn: null, round: null, stakePercent: null, valuationUsd: null, instrument: null, note: null });
    });

    it('accepts 29 February in a leap year', async () => {
      expect((await ok(app, RECORD, { input: { id: 'inv-leap', investorId: 'google', investeeId: 'mistral', announcedOn: '2024-02-29', sourceIds: ['src-one'] } })).recordInvestment.announcedOn).toBe('2024-02-29');
    });

    it('returns null for an unknown investment', async () => {
      expect(await ok(app, GET, { id: 'inv-unknown' })).toEqual({ investment: null });
    });

    it('is idempotent: the same id twice leaves one node; re-recording overwrites the details', async () => {
      const input = FIXTURES[0];
      const first = await ok(app, RECORD, { input });
      const afterFirst = await app.counts();
      expect(await ok(app, RECORD, { input })).toEqual(first);
      expect(await app.counts()).toEqual(afterFirst);
      const changed = await ok(app, RECORD, { input: { ...input, amountUsd: 1.3e9, note: 'revised' } });
      expect(changed.recordInvestment).toMatchObject({ id: 'inv-amazon-1', amountUsd: 1.3e9, note: 'revised' });
      expect(await app.counts()).toEqual(afterFirst);
      const list = await ok<Connection>(app, LIST, { filter: { investorId: 'amazon' } });
      expect(ids(list)).toEqual(['inv-amazon-1']);
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

    it('deduplicates inline sources by url: an inline source with a known url cites the existing source', async () => {
      const before = await app.counts();
      const recorded = await ok(app, RECORD, {
        input: { id: 'inv-dedup', investorId: 'google', investeeId: 'mistral', announcedOn: '2024-06', sources: [{ url: 'https://news.example.com/one', publisher: 'Reuters', title: 'First report' }] },
      });
      expect(recorded.recordInvestment.sources.map((s: { id: string }) => s.id)).toEqual(['src-one']);
      // Only the Investment node is new: no second Source for the same url.
      expect((await app.counts()).nodes).toBe(before.nodes + 1);
    });

    it('refuses with CONFLICT the same id for other parties, keeping the recorded one', async () => {
      await ok(app, RECORD, { input: FIXTURES[0] });
      await expectRefused(app, RECORD, { input: { ...FIXTURES[0], investorId: 'google' } }, 'CONFLICT', 'inv-amazon-1');
      await expectRefused(app, RECORD, { input: { ...FIXTURES[0], investeeId: 'openai' } }, 'CONFLICT', 'inv-amazon-1');
      expect((await ok(app, GET, { id: 'inv-amazon-1' })).investment).toMatchObject({ investor: { id: 'amazon' }, investee: { id: 'anthropic' }, amountUsd: 1.25e9 });
    });
  });

  describe('updateInvestment and removeInvestment', () => {
    beforeEach(async () => {
      await coreWorld(app);
      await recordFixtures(app);
    });

    it('changes given fields, keeps omitted ones, clears nulls, and replaces the citations', async () => {
      const updated = (await ok(app, UPDATE, { id: 'inv-amazon-1', input: { amountUsd: 1.3e9, status: 'LAPSED', closedOn: '2023-12-01', instrument: null, note: 'corrected', sourceIds: ['src-two'] } })).updateInvestment;
      const expected = {
        id: 'inv-amazon-1',
        investor: { id: 'amazon' },
        investee: { id: 'anthropic' },
        amountUsd: 1.3e9,
        amountKind: 'PAID',
        announcedOn: '2023-09-25',
        closedOn: '2023-12-01',
        round: null,
        stakePercent: null,
        valuationUsd: null,
        instrument: null,
        status: 'LAPSED',
        note: 'corrected',
        sources: [{ id: 'src-two', url: 'https://news.example.com/two', publisher: 'TechCrunch', title: 'Second report', publishedOn: '2024-03' }],
      };
      expect(updated).toEqual(expected);
      expect((await ok(app, GET, { id: 'inv-amazon-1' })).investment).toEqual(expected);
    });

    it('keeps the citations when no sources are given', async () => {
      const updated = (await ok(app, UPDATE, { id: 'inv-amazon-3', input: { round: 'Third tranche' } })).updateInvestment;
      expect(updated.round).toBe('Third tranche');
      expect(updated.sources.map((s: { id: string }) => s.id).sort()).toEqual(['src-one', 'src-two']);
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      await expectRefused(app, UPDATE, { id: 'inv-unknown', input: { note: 'x' } }, 'NOT_FOUND', 'inv-unknown');
    });

    it.each([
      ['a negative amount', { amountUsd: -1 }, 'amountUsd'],
      ['a too large amount', { amountUsd: 1e14 }, 'amountUsd'],
      ['a future announcedOn', { announcedOn: futureDay() }, 'announcedOn'],
      ['an impossible closedOn', { closedOn: '2023-02-29' }, 'closedOn'],
      ['a round over 200 characters', { round: long(201) }, 'round'],
      ['an unknown source id', { sourceIds: ['src-missing'] }, 'sourceIds'],
      ['an empty list of sources', { sourceIds: [] }, 'sourceIds'],
      ['announcedOn: null (announcedOn is required)', { announcedOn: null }, 'announcedOn'],
      ['status: null (status is required)', { status: null }, 'status'],
    ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_label, input, field) => {
      const before = await ok(app, GET, { id: 'inv-amazon-1' });
      await expectRefused(app, UPDATE, { id: 'inv-amazon-1', input: { note: 'must not be saved', ...input } }, 'BAD_USER_INPUT', field);
      expect(await app.gql(GET, { id: 'inv-amazon-1' })).toMatchObject({ data: before });
    });

    it('removes an investment with its links, keeps its sources, and answers NOT_FOUND the second time', async () => {
      const before = await app.counts();
      expect(await ok(app, REMOVE, { id: 'inv-amazon-3' })).toEqual({ removeInvestment: { id: 'inv-amazon-3', deleted: true } });
      expect(await ok(app, GET, { id: 'inv-amazon-3' })).toEqual({ investment: null });
      // The Investment node goes (with its MADE, INTO and CITES links); both sources stay.
      expect((await app.counts()).nodes).toBe(before.nodes - 1);
      expect((await app.db.readRows('MATCH ()-[r]->() WHERE r.id = $id OR $id IN coalesce(r.factIds, []) RETURN count(r) AS n', { id: 'inv-amazon-3' }))[0].n).toBe(0);
      expect((await ok(app, '{ company(id: "amazon") { investmentsMade { id } } }')).company.investmentsMade).toEqual([{ id: 'inv-amazon-1' }, { id: 'inv-amazon-2' }]);
      expect(await ok(app, '{ a: source(id: "src-one") { id } b: source(id: "src-two") { id } }')).toEqual({ a: { id: 'src-one' }, b: { id: 'src-two' } });
      await expectRefused(app, REMOVE, { id: 'inv-amazon-3' }, 'NOT_FOUND', 'inv-amazon-3');
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

    it('pages with first/after', async () => {
      const page1 = await ok<Connection>(app, LIST, { first: 3 });
      expect(ids(page1)).toEqual(['inv-msft-openai-stake', 'inv-google-2', 'inv-amazon-3']);
      expect(page1.investments.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const page2 = await ok<Connection>(app, LIST, { first: 3, after: page1.investments.pageInfo.endCursor });
      expect(ids(page2)).toEqual(['inv-amazon-2', 'inv-msft-mistral', 'inv-google-1']);
      const page3 = await ok<Connection>(app, LIST, { first: 3, after: page2.investments.pageInfo.endCursor });
      expect(ids(page3)).toEqual(['inv-amazon-1', 'inv-msft-openai']);
      expect(page3.investments.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect(page3.investments.totalCount).toBe(8);
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

  describe('recordInvestment validation: BAD_USER_INPUT naming the field, nothing written', () => {
    beforeAll(() => coreWorld(app));
    const valid = { investorId: 'amazon', investeeId: 'anthropic', amountUsd: 1e9, amountKind: 'PAID', announcedOn: '2024-01-15', sourceIds: ['src-one'] };
    const without = (key: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

    it('the valid base input is accepted (so each case below fails for its own reason)', async () => {
      expect((await ok(app, RECORD, { input: valid })).recordInvestment.investor.id).toBe('amazon');
    });

    it.each([
      ['an unknown investorId', { investorId: 'no-such-investor' }, 'investorId'],
      ['an unknown investeeId', { investeeId: 'no-such-investee' }, 'investeeId'],
      ['an unknown source id', { sourceIds: ['src-one', 'src-missing'] }, 'sourceIds'],
      ['a source id that is not a slug', { sourceIds: ['Not A Slug'] }, 'sourceIds'],
      ['a company investing in itself', { investeeId: 'amazon' }, 'investeeId'],
      ['a negative amount', { amountUsd: -1 }, 'amountUsd'],
      ['a too large amount', { amountUsd: 1e14 }, 'amountUsd'],
      ['a negative valuation', { valuationUsd: -5 }, 'valuationUsd'],
      ['a stake over 100 %', { stakePercent: 101 }, 'stakePercent'],
      ['amountKind without amountUsd', { amountUsd: null }, 'amountKind'],
      ['an impossible day (variable)', { announcedOn: '2024-02-30' }, 'announcedOn'],
      ['an impossible month (variable)', { announcedOn: '2023-13' }, 'announcedOn'],
      ['a date that is not ISO-8601', { announcedOn: '25/09/2023' }, 'announcedOn'],
      ['an impossible closedOn', { closedOn: '2023-02-29' }, 'closedOn'],
      ['a future announcedOn', { announcedOn: futureDay() }, 'announcedOn'],
      ['a future closedOn', { closedOn: futureDay() }, 'closedOn'],
      ['a round over 200 characters', { round: long(201) }, 'round'],
      ['a note over 1000 characters', { note: long(1001) }, 'note'],
      ['an id that is not a slug', { id: 'Inv_1' }, 'id'],
      ['an id over 120 characters', { id: `inv${'-x'.repeat(60)}` }, 'id'],
      ['an empty list of sources', { sourceIds: [] }, 'sourceIds'],
      ['an inline source with a malformed url', { sources: [{ url: 'news.example.com/x', publisher: 'P', title: 'T' }] }, 'url'],
      ['an inline source with a blank publisher', { sources: [{ url: 'https://news.example.com/x', publisher: '  ', title: 'T' }] }, 'publisher'],
      ['an inline source with an empty title', { sources: [{ url: 'https://news.example.com/x', publisher: 'P', title: '' }] }, 'title'],
      ['an inline source with a title over 500 characters', { sources: [{ url: 'https://news.example.com/x', publisher: 'P', title: long(501) }] }, 'title'],
      ['an inline source with an impossible publishedOn', { sources: [{ url: 'https://news.example.com/x', publisher: 'P', title: 'T', publishedOn: '2023-02-29' }] }, 'publishedOn'],
    ])('%s', async (_label, change, field) => {
      await expectRefused(app, RECORD, { input: { ...valid, ...change } }, 'BAD_USER_INPUT', field);
    });

    it('a fact with no source at all', async () => {
      await expectRefused(app, RECORD, { input: without('sourceIds') }, 'BAD_USER_INPUT', 'sourceIds');
    });

    it('amountUsd without amountKind', async () => {
      await expectRefused(app, RECORD, { input: without('amountKind') }, 'BAD_USER_INPUT', 'amountKind');
    });

    it.each([
      ['2024-02-30', 'announcedOn'],
      ['2023-13', 'announcedOn'],
    ])('an impossible date as an inline literal (%s)', async (date, field) => {
      await expectRefused(
        app,
        `mutation { recordInvestment(input: {investorId: "amazon", investeeId: "anthropic", announcedOn: "${date}", sourceIds: ["src-one"]}) { id } }`,
        undefined,
        'BAD_USER_INPUT',
        field,
      );
    });

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
