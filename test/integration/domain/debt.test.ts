import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, ok } from './helpers';

// Debt is not equity (src/domain/debt.ts): a loan or a bond recorded beside an equity raise is reported, but every
// measure of money raised (totalRaisedUsd, raised, exposure.raisedUsd, the RAISED_HEADLINE ranking, the funding
// rounds' totals) says the equity alone, whichever path (record, update) wrote it.
const RECORD_INVESTMENT = 'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }';
const UPDATE_INVESTMENT = 'mutation($id: ID!, $input: UpdateInvestmentInput!) { updateInvestment(id: $id, input: $input) { id } }';
const RECORD_ROUND = 'mutation($input: RecordFundingRoundInput!) { recordFundingRound(input: $input) { id } }';
const RAISED = `query {
  company(id: "anthropic") { totalRaisedUsd raised { headlineUsd paidUsd committedUsd contractValueUsd } }
  exposure(companyId: "anthropic", rollUpSubsidiaries: false) { raisedUsd }
  companies(sort: { field: RAISED_HEADLINE, direction: DESC }, first: 1) { edges { sortValue node { id } } }
}`;
const ROUND_TOTALS = '{ fundingRoundTotals(groupBy: [INSTRUMENT], first: 10) { edges { node { key { instrument } count money { headlineUsd contractValueUsd } } } } }';

type Raised = {
  company: { totalRaisedUsd: number; raised: { headlineUsd: number; paidUsd: number; committedUsd: number; contractValueUsd: number } };
  exposure: { raisedUsd: number };
  companies: { edges: { sortValue: number; node: { id: string } }[] };
};

describe('Debt is not equity: a loan or a bond never counts in money raised', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  beforeEach(async () => {
    await coreWorld(app);
    // $5B of equity and $5B of debt the same day, as xAI raised in July 2025.
    await ok(app, RECORD_INVESTMENT, { input: { id: 'inv-equity', investorId: 'google', investeeId: 'anthropic', amountUsd: 5e9, amountKind: 'PAID', instrument: 'EQUITY', announcedOn: '2025-07-01', status: 'COMPLETED', sourceIds: ['src-one'] } });
    await ok(app, RECORD_INVESTMENT, { input: { id: 'inv-debt', investorId: 'amazon', investeeId: 'anthropic', amountUsd: 5e9, amountKind: 'COMMITMENT', instrument: 'DEBT', announcedOn: '2025-07-01', status: 'COMPLETED', sourceIds: ['src-one'] } });
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it('raised headline money, exposure and the ranking say the equity alone; the debt is a contract value beside it', async () => {
    const data = await ok<Raised>(app, RAISED);
    expect(data.company.totalRaisedUsd).toBe(5e9);
    expect(data.company.raised).toEqual({ headlineUsd: 5e9, paidUsd: 5e9, committedUsd: 0, contractValueUsd: 5e9 });
    expect(data.exposure.raisedUsd).toBe(5e9);
    expect(data.companies.edges[0]).toEqual({ sortValue: 5e9, node: { id: 'anthropic' } });
  });

  it('an update that makes an investment debt takes it out of the headline, and back', async () => {
    await ok(app, UPDATE_INVESTMENT, { id: 'inv-equity', input: { instrument: 'DEBT' } });
    expect((await ok<Raised>(app, RAISED)).company.totalRaisedUsd).toBe(0);
    await ok(app, UPDATE_INVESTMENT, { id: 'inv-equity', input: { instrument: 'EQUITY' } });
    expect((await ok<Raised>(app, RAISED)).company.totalRaisedUsd).toBe(5e9);
  });

  it("funding rounds' totals: a debt round's amount is no headline", async () => {
    await ok(app, RECORD_ROUND, { input: { id: 'round-equity', companyId: 'anthropic', name: 'Equity', announcedOn: '2025-07-01', amountUsd: 5e9, amountKind: 'PAID', instrument: 'EQUITY', sourceIds: ['src-one'] } });
    await ok(app, RECORD_ROUND, { input: { id: 'round-debt', companyId: 'anthropic', name: 'Debt', announcedOn: '2025-07-01', amountUsd: 5e9, amountKind: 'PAID', instrument: 'DEBT', sourceIds: ['src-one'] } });
    const groups = (await ok<{ fundingRoundTotals: { edges: { node: unknown }[] } }>(app, ROUND_TOTALS)).fundingRoundTotals.edges.map((edge) => edge.node);
    expect(groups).toEqual(
      expect.arrayContaining([
        { key: { instrument: 'EQUITY' }, count: 1, money: { headlineUsd: 5e9, contractValueUsd: 0 } },
        { key: { instrument: 'DEBT' }, count: 1, money: { headlineUsd: 0, contractValueUsd: 5e9 } },
      ]),
    );
  });
});
