import { loadDataset } from '../../../src/seed/load-dataset';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ok, snapshotGraph } from './helpers';

type Fact = { id: string; sources: { id: string; url: string }[] };

/** Every node of a connection field, following endCursor page by page (100 per page). */
async function allNodes(app: TestApp, field: 'investments' | 'computeDeals' | 'rivalries' | 'subsidiaryLinks' | 'acquisitions', selection: string): Promise<Fact[]> {
  const nodes: Fact[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<string, { edges: { node: Fact }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> = await ok(
      app,
      `query($after: String) { ${field}(first: 100, after: $after) { edges { node { ${selection} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    nodes.push(...data[field].edges.map((edge) => edge.node));
    if (!data[field].pageInfo.hasNextPage) return nodes;
    after = data[field].pageInfo.endCursor;
  }
}

describe('Seed dataset (loadDataset) through the GraphQL API', () => {
  let app: TestApp;
  let report: Awaited<ReturnType<typeof loadDataset>>;
  beforeAll(async () => {
    app = await startTestApp();
    await app.reset();
    report = await loadDataset(app.repos);
  }, 180000);
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it('loads at least 45 companies, 60 investments, 25 compute deals and 30 rivalries, as the load report says', async () => {
    const data = await ok(app, '{ companies { totalCount } investments { totalCount } computeDeals { totalCount } rivalries { totalCount } }');
    expect(data.companies.totalCount).toBeGreaterThanOrEqual(45);
    expect(data.investments.totalCount).toBeGreaterThanOrEqual(60);
    expect(data.computeDeals.totalCount).toBeGreaterThanOrEqual(25);
    expect(data.rivalries.totalCount).toBeGreaterThanOrEqual(30);
    expect(data.companies.totalCount).toBe(report.sections.companies);
    expect(data.investments.totalCount).toBe(report.sections.investments);
    expect(data.computeDeals.totalCount).toBe(report.sections.computeDeals);
    expect(data.rivalries.totalCount).toBe(report.sections.rivalries);
  });

  it('every investment, compute deal, rivalry, subsidiary link and acquisition cites at least one source with a url', async () => {
    const selection = 'id sources { id url }';
    const investments = await allNodes(app, 'investments', selection);
    const deals = await allNodes(app, 'computeDeals', selection);
    const rivalries = await allNodes(app, 'rivalries', selection);
    const subsidiaryLinks = await allNodes(app, 'subsidiaryLinks', selection);
    const acquisitions = await allNodes(app, 'acquisitions', selection);
    expect(investments).toHaveLength(report.sections.investments);
    expect(deals).toHaveLength(report.sections.computeDeals);
    expect(rivalries).toHaveLength(report.sections.rivalries);
    expect(subsidiaryLinks).toHaveLength(report.sections.subsidiaries);
    expect(acquisitions).toHaveLength(report.sections.acquisitions);
    expect(subsidiaryLinks.length).toBeGreaterThan(0);
    expect(acquisitions.length).toBeGreaterThan(0);
    const unsourced = [...investments, ...deals, ...rivalries, ...subsidiaryLinks, ...acquisitions].filter(
      (fact: Fact) => fact.sources.length === 0 || fact.sources.some((source) => !/^https?:\/\//.test(source.url)),
    );
    expect(unsourced.map((fact: Fact) => fact.id)).toEqual([]);
  });

  it("answers the acceptance query: Amazon's two agreements with Anthropic, its tranches as dated events, each with sources", async () => {
    const data = await ok(app, '{ company(id: "anthropic") { investmentsReceived { investor { id } amountUsd amountKind announcedOn sources { url } history { kind on amountUsd sourceIds } } } }');
    type Received = { investor: { id: string }; amountUsd: number; amountKind: string; announcedOn: string; sources: { url: string }[]; history: { kind: string; on: string; amountUsd: number | null; sourceIds: string[] }[] };
    const received: Received[] = data.company.investmentsReceived;
    const amazon = received.filter((investment) => investment.investor.id === 'amazon');
    expect(amazon.map(({ amountUsd, amountKind, announcedOn }) => ({ amountUsd, amountKind, announcedOn }))).toEqual([
      { amountUsd: 4e9, amountKind: 'UP_TO', announcedOn: '2023-09-25' },
      { amountUsd: 4e9, amountKind: 'COMMITMENT', announcedOn: '2024-11-22' },
    ]);
    // The 2023 agreement's $1.25B and its option's $2.75B are tranches of the one agreement, each dated and sourced.
    const tranches = amazon[0].history.filter((event) => event.kind === 'TRANCHE_FUNDED');
    expect(tranches.map(({ on, amountUsd }) => ({ on, amountUsd }))).toEqual([
      { on: '2023-09-25', amountUsd: 1.25e9 },
      { on: '2024-03-27', amountUsd: 2.75e9 },
    ]);
    expect(tranches.every((tranche) => tranche.sourceIds.length > 0)).toBe(true);
    for (const investment of amazon) {
      expect(investment.sources.length).toBeGreaterThanOrEqual(1);
      for (const source of investment.sources) expect(source.url).toMatch(/^https?:\/\//);
    }
    // Oldest first overall.
    const dates = received.map((investment) => investment.announcedOn);
    expect(dates).toEqual([...dates].sort());
  });

  it('with investmentsReceived(asOf: "2024-03-31") returns only the 2023 agreement of Amazon, and nothing later', async () => {
    const data = await ok(app, '{ company(id: "anthropic") { investmentsReceived(asOf: "2024-03-31") { investor { id } amountUsd announcedOn sources { url } } } }');
    const received: { investor: { id: string }; amountUsd: number; announcedOn: string; sources: { url: string }[] }[] = data.company.investmentsReceived;
    expect(received.filter((investment) => investment.investor.id === 'amazon').map(({ amountUsd, announcedOn }) => ({ amountUsd, announcedOn }))).toEqual([
      { amountUsd: 4e9, announcedOn: '2023-09-25' },
    ]);
    expect(received.every((investment) => investment.announcedOn <= '2024-03-31')).toBe(true);
    expect(received.every((investment) => investment.sources.length > 0)).toBe(true);
  });

  it('finds anthropic from the typo "antropic"', async () => {
    const data = await ok(app, '{ searchCompanies(text: "antropic") { company { id } } }');
    expect(data.searchCompanies[0].company.id).toBe('anthropic');
  });

  it("lists openai, google and mistral among anthropic's competitors", async () => {
    const data = await ok(app, '{ company(id: "anthropic") { competitors { id } } }');
    expect(data.company.competitors.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['openai', 'google', 'mistral']));
  });

  it('records that microsoft invested in openai', async () => {
    const data = await ok(app, `{
      company(id: "microsoft") { investmentsMade { investee { id } amountUsd sources { url } } }
      investments(filter: {investorId: "microsoft", investeeId: "openai"}) { totalCount edges { node { investor { id } investee { id } } } }
    }`);
    expect(data.company.investmentsMade.map((i: { investee: { id: string } }) => i.investee.id)).toContain('openai');
    expect(data.investments.totalCount).toBeGreaterThanOrEqual(1);
    expect(data.investments.edges[0].node).toEqual({ investor: { id: 'microsoft' }, investee: { id: 'openai' } });
  });

  it('has an aws -> anthropic compute deal whose relatedInvestment is the 2023 Amazon agreement', async () => {
    const data = await ok(app, `{
      computeDeals(filter: {providerId: "aws", customerId: "anthropic"}, sort: {field: ANNOUNCED_ON, direction: ASC}) {
        edges { node { id announcedOn provider { id } customer { id } sources { url }
          relatedInvestment { id investor { id } investee { id } amountUsd announcedOn } } }
      }
      company(id: "anthropic") { computeDealsAsCustomer { provider { id } relatedInvestment { amountUsd announcedOn } } }
    }`);
    const deals = data.computeDeals.edges.map((edge: { node: unknown }) => edge.node);
    const tied = deals.filter((deal: { relatedInvestment: { id: string } | null }) => deal.relatedInvestment?.id === 'inv-amazon-anthropic-2023-09');
    expect(tied).toHaveLength(1);
    expect(tied[0]).toMatchObject({
      provider: { id: 'aws' },
      customer: { id: 'anthropic' },
      relatedInvestment: { investor: { id: 'amazon' }, investee: { id: 'anthropic' }, amountUsd: 4e9, announcedOn: '2023-09-25' },
    });
    expect(tied[0].sources.length).toBeGreaterThanOrEqual(1);
    expect(data.company.computeDealsAsCustomer).toContainEqual({ provider: { id: 'aws' }, relatedInvestment: { amountUsd: 4e9, announcedOn: '2023-09-25' } });
  });

  it('loading the dataset a second time changes nothing: every node and relationship, with all properties (updatedAt too), is identical, and nothing new is logged', async () => {
    const before = await snapshotGraph(app);
    const countsBefore = await app.counts();
    const lastChange = await app.lastChange();
    // The snapshot holds the graph, the change log (one change per record loaded) and the stored rankings derived
    // from the facts, which the counts leave out.
    const labelled = (label: string) => before.nodes.filter((node) => (node as { labels: string[] }).labels.includes(label)).length;
    expect(before.nodes.length - labelled('Meta') - labelled('CompanyRankings')).toBe(countsBefore.nodes);
    expect(labelled('CompanyRankings')).toBeGreaterThan(0);
    expect(lastChange).toBe(Object.values(report.sections).reduce((sum, n) => sum + n, 0));
    // Guard against a vacuous comparison: the snapshot holds the timestamps it is meant to compare.
    expect(before.nodes.filter((node) => (node as { props: { updatedAt?: unknown } }).props.updatedAt !== undefined).length).toBeGreaterThan(0);

    const second = await loadDataset(app.repos);
    expect(second).toEqual(report);
    expect(await app.counts()).toEqual(countsBefore);
    expect(await app.lastChange()).toBe(lastChange);
    expect(await snapshotGraph(app)).toEqual(before);
  }, 180000);
});
