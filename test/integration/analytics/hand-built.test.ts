import { AmountKind } from '../../../src/domain/enums';
import { buildGraph } from '../../support/graph-builder';
import { startTestApp, WRITER_KEY, type TestApp } from '../../support/test-app';

const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('analytics on small hand-built graphs with known answers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });
  beforeEach(() => app.reset());

  describe('backersOfCompetitors', () => {
    const query = `query ($id: ID!, $asOf: Date, $rollUp: Boolean) {
      backersOfCompetitors(companyId: $id, asOf: $asOf, rollUpSubsidiaries: $rollUp) {
        competitor { id } backer { id } totalUsd alsoBacksTarget investments { id } targetInvestments { id }
        rivalries { market } throughSubsidiaries { id } explanation
      }
    }`;

    it('finds backers of competitors, marks hedges, and rolls subsidiaries up to their parents', async () => {
      // lab competes with rival directly and with big's subsidiary lab2 (rolled up: big's rivalry is lab's? no:
      // lab2 belongs to big; lab2 competes with lab, so big's group competes with lab).
      await buildGraph(app.repos, {
        companies: ['lab', 'rival', 'vc', 'hedger', 'big', 'big-cloud', 'lab2', 'fund', 'fund-arm'],
        investments: [
          ['vc', 'rival', 100, '2023-01-10'],
          ['vc', 'rival', 50, '2024-01-10'],
          ['hedger', 'rival', 10, '2023-05-01'],
          ['hedger', 'lab', 20, '2024-06-01'],
          ['fund-arm', 'lab2', 7, '2023-03-01'],
        ],
        rivalries: [
          ['lab', 'rival', 'frontier-models', '2022'],
          ['lab', 'lab2', 'frontier-models', '2022'],
        ],
        subsidiaries: [
          ['big-cloud', 'big', '2010'],
          ['lab2', 'big', '2020'],
          ['fund-arm', 'fund', '2015'],
        ],
      });
      const { data, errors } = await app.gql<{ backersOfCompetitors: Record<string, unknown>[] }>(query, { id: 'lab' });
      expect(errors).toBeUndefined();
      const rows = data!.backersOfCompetitors;
      expect(rows.map((r) => [(r.competitor as { id: string }).id, (r.backer as { id: string }).id])).toEqual([
        ['lab2', 'fund'],
        ['rival', 'hedger'],
        ['rival', 'vc'],
      ]);
      const [viaFund, hedger, vc] = rows;
      expect(vc).toMatchObject({ totalUsd: 150, alsoBacksTarget: false, targetInvestments: [] });
      expect((vc.investments as unknown[]).length).toBe(2);
      expect(hedger).toMatchObject({ totalUsd: 10, alsoBacksTarget: true });
      expect((hedger.targetInvestments as unknown[]).length).toBe(1);
      expect(hedger.explanation).toContain('also invested $20 in LAB itself');
      // The investment came from fund's subsidiary fund-arm: the backer is fund, through fund-arm.
      expect(viaFund).toMatchObject({ totalUsd: 7, throughSubsidiaries: [{ id: 'fund-arm' }] });
      expect(viaFund.explanation).toContain('through FUND-ARM');
    });

    it('without roll-up, names the subsidiary itself as the backer', async () => {
      await buildGraph(app.repos, {
        companies: ['lab', 'rival', 'fund', 'fund-arm'],
        investments: [['fund-arm', 'rival', 7, '2023-03-01']],
        rivalries: [['lab', 'rival', 'frontier-models', '2022']],
        subsidiaries: [['fund-arm', 'fund', '2015']],
      });
      const rolled = await app.gql<{ backersOfCompetitors: { backer: { id: string } }[] }>(query, { id: 'lab' });
      const plain = await app.gql<{ backersOfCompetitors: { backer: { id: string } }[] }>(query, { id: 'lab', rollUp: false });
      expect(rolled.data!.backersOfCompetitors.map((r) => r.backer.id)).toEqual(['fund']);
      expect(plain.data!.backersOfCompetitors.map((r) => r.backer.id)).toEqual(['fund-arm']);
    });

    it("counts a subsidiary's rivalry as its parent's", async () => {
      await buildGraph(app.repos, {
        companies: ['parent', 'unit', 'rival', 'vc'],
        investments: [['vc', 'rival', 5, '2023-01-01']],
        rivalries: [['unit', 'rival', 'frontier-models', '2022']],
        subsidiaries: [['unit', 'parent', '2015']],
      });
      const { data } = await app.gql<{ backersOfCompetitors: { competitor: { id: string }; explanation: string; throughSubsidiaries: { id: string }[] }[] }>(
        query.replace('explanation', 'explanation throughSubsidiaries { id }'),
        { id: 'parent' },
      );
      expect(data!.backersOfCompetitors.map((r) => r.competitor.id)).toEqual(['rival']);
      expect(data!.backersOfCompetitors[0].explanation).toContain('through its subsidiary UNIT');
      // The subsidiary the rivalry runs through on the company's own side is listed too, not only the backer's.
      expect(data!.backersOfCompetitors[0].throughSubsidiaries).toEqual([{ id: 'unit' }]);
      const plain = await app.gql<{ backersOfCompetitors: unknown[] }>(query, { id: 'parent', rollUp: false });
      expect(plain.data!.backersOfCompetitors).toEqual([]);
    });

    it('respects asOf: facts announced later are not there yet', async () => {
      await buildGraph(app.repos, {
        companies: ['lab', 'rival', 'vc'],
        investments: [
          ['vc', 'rival', 100, '2023-01-10'],
          ['vc', 'lab', 1, '2024-02-01'],
        ],
        rivalries: [['lab', 'rival', 'frontier-models', '2022']],
      });
      const before = await app.gql<{ backersOfCompetitors: { alsoBacksTarget: boolean }[] }>(query, { id: 'lab', asOf: '2023-12-31' });
      const after = await app.gql<{ backersOfCompetitors: { alsoBacksTarget: boolean }[] }>(query, { id: 'lab', asOf: '2024-02' });
      const early = await app.gql<{ backersOfCompetitors: unknown[] }>(query, { id: 'lab', asOf: '2022-12-31' });
      expect(before.data!.backersOfCompetitors.map((r) => r.alsoBacksTarget)).toEqual([false]);
      expect(after.data!.backersOfCompetitors.map((r) => r.alsoBacksTarget)).toEqual([true]);
      expect(early.data!.backersOfCompetitors).toEqual([]);
    });
  });

  describe('twoSidedBackers', () => {
    it('finds investors on both sides of a rivalry, per market and date', async () => {
      await buildGraph(app.repos, {
        companies: ['a', 'b', 'c', 'both', 'one-side'],
        investments: [
          ['both', 'a', 3, '2023-01-01'],
          ['both', 'b', 4, '2024-01-01'],
          ['one-side', 'a', 9, '2023-01-01'],
          ['both', 'c', 1, '2023-01-01'],
        ],
        rivalries: [
          ['a', 'b', 'chatbots', '2022'],
          ['a', 'c', 'search', '2022'],
        ],
      });
      const query = `query ($asOf: Date, $market: String) { twoSidedBackers(asOf: $asOf, market: $market) { nodes { backer { id } sideA { id } sideB { id } market totalUsdA totalUsdB } } }`;
      const all = await app.gql<{ twoSidedBackers: { nodes: Record<string, unknown>[] } }>(query, {});
      expect(all.data!.twoSidedBackers.nodes).toEqual([
        { backer: { id: 'both' }, sideA: { id: 'a' }, sideB: { id: 'b' }, market: 'chatbots', totalUsdA: 3, totalUsdB: 4 },
        { backer: { id: 'both' }, sideA: { id: 'a' }, sideB: { id: 'c' }, market: 'search', totalUsdA: 3, totalUsdB: 1 },
      ]);
      const search = await app.gql<{ twoSidedBackers: { nodes: { market: string }[] } }>(query, { market: 'search' });
      expect(search.data!.twoSidedBackers.nodes.map((r) => r.market)).toEqual(['search']);
      const early = await app.gql<{ twoSidedBackers: { nodes: { market: string }[] } }>(query, { asOf: '2023-06' });
      expect(early.data!.twoSidedBackers.nodes.map((r) => r.market)).toEqual(['search']);
    });
  });

  describe('facts that end', () => {
    const WRITE = { key: WRITER_KEY };

    it('drops a backer from twoSidedBackers once its only investment on one side is terminated, unless ended facts are asked for', async () => {
      await buildGraph(app.repos, { companies: ['a', 'b', 'both'], investments: [['both', 'a', 3, '2023-01-01']], rivalries: [['a', 'b', 'chatbots', '2022']] });
      const record = await app.gql(
        `mutation { recordInvestment(input: { id: "inv-both-b", investorId: "both", investeeId: "b", amountUsd: 10, amountKind: COMMITMENT, announcedOn: "2023-02-01",
          sourceIds: ["src-test"], events: [{ kind: AGREED, on: "2023-02-01", amountUsd: 10 }, { kind: TRANCHE_FUNDED, on: "2023-03-01", amountUsd: 4 }, { kind: TERMINATED, on: "2024-01-15" }] }) { id } }`,
        undefined,
        WRITE,
      );
      expect(record.errors).toBeUndefined();
      const query = `query ($asOf: Date, $ended: Boolean) { twoSidedBackers(asOf: $asOf, includeEnded: $ended) { nodes { backer { id } totalUsdB moneyB { paidUsd committedUsd } } } }`;
      const at = async (asOf: string | null, ended = false) => (await app.gql<{ twoSidedBackers: { nodes: Record<string, unknown>[] } }>(query, { asOf, ended })).data!.twoSidedBackers.nodes;
      expect(await at('2023-06-30')).toEqual([{ backer: { id: 'both' }, totalUsdB: 10, moneyB: { paidUsd: 4, committedUsd: 6 } }]);
      expect(await at(null)).toEqual([]);
      expect(await at(null, true)).toEqual([{ backer: { id: 'both' }, totalUsdB: 4, moneyB: { paidUsd: 4, committedUsd: 0 } }]);
    });

    it('drops a money loop once its compute deal ends, and an update of the end date re-derives it', async () => {
      await buildGraph(app.repos, {
        companies: ['investor', 'lab'],
        investments: [['investor', 'lab', 100, '2023-09-25']],
        deals: [['investor', 'lab', 40, '2024-01-15']],
      });
      const loops = `query ($asOf: Date, $ended: Boolean) { moneyLoops(companyId: "lab", asOf: $asOf, includeEnded: $ended) { nodes { length } } }`;
      const count = async (asOf: string | null, ended = false) => (await app.gql<{ moneyLoops: { nodes: unknown[] } }>(loops, { asOf, ended })).data!.moneyLoops.nodes.length;
      expect(await count(null)).toBe(1);
      const deals = await app.gql<{ computeDeals: { nodes: { id: string }[] } }>('{ computeDeals(filter: {providerId: "investor"}) { nodes { id } } }');
      const id = deals.data!.computeDeals.nodes[0].id;
      const update = await app.gql(`mutation ($id: ID!) { updateComputeDeal(id: $id, input: { endsOn: "2024-06-30" }) { id state { status inForce } } }`, { id }, WRITE);
      expect(update.errors).toBeUndefined();
      expect(update.data).toEqual({ updateComputeDeal: { id, state: { status: 'ENDED', inForce: false } } });
      expect(await count(null)).toBe(0);
      expect(await count(null, true)).toBe(1);
      expect(await count('2024-03-31')).toBe(1);
    });
  });

  describe('moneyLoops', () => {
    const query = `query ($id: ID, $max: Int, $asOf: Date) { moneyLoops(companyId: $id, maxLength: $max, asOf: $asOf) { nodes {
      companies { id } length totalUsd money { paidUsd contractValueUsd } steps { kind from { id } to { id } amountUsd description } } } }`;

    it('finds a 3-step loop through a subsidiary, once, and respects maxLength and asOf', async () => {
      // investor puts 100 into lab; lab buys compute from investor's cloud subsidiary under a contract worth 40.
      await buildGraph(app.repos, {
        companies: ['investor', 'lab', 'cloud', 'other'],
        investments: [
          ['investor', 'lab', 100, '2023-09-25'],
          ['other', 'lab', 1, '2023-01-01'],
        ],
        deals: [['cloud', 'lab', 40, '2024-01-15']],
        subsidiaries: [['cloud', 'investor', '2006']],
      });
      const { data, errors } = await app.gql<{ moneyLoops: { nodes: { companies: { id: string }[]; length: number; totalUsd: number; steps: { kind: string; amountUsd: number | null }[] }[] } }>(
        query,
        { id: 'lab' },
      );
      expect(errors).toBeUndefined();
      expect(data!.moneyLoops.nodes).toHaveLength(1);
      const [loop] = data!.moneyLoops.nodes;
      expect(ids(loop.companies)).toEqual(['lab', 'cloud', 'investor', 'lab']);
      expect(loop.steps.map((s) => s.kind)).toEqual(['COMPUTE', 'OWNERSHIP', 'INVESTMENT']);
      // The contract's value is shown beside the headline, never added to it.
      expect(loop).toMatchObject({ length: 3, totalUsd: 100, money: { paidUsd: 100, contractValueUsd: 40 } });
      // The same cycle seen from the investor, rotated; and reported once among all loops.
      const fromInvestor = await app.gql<{ moneyLoops: { nodes: { companies: { id: string }[] }[] } }>(query, { id: 'investor' });
      expect(fromInvestor.data!.moneyLoops.nodes.map((l) => ids(l.companies))).toEqual([['investor', 'lab', 'cloud', 'investor']]);
      const everywhere = await app.gql<{ moneyLoops: { nodes: unknown[] } }>(query, {});
      expect(everywhere.data!.moneyLoops.nodes).toHaveLength(1);
      const tooShort = await app.gql<{ moneyLoops: { nodes: unknown[] } }>(query, { id: 'lab', max: 2 });
      expect(tooShort.data!.moneyLoops.nodes).toEqual([]);
      const beforeDeal = await app.gql<{ moneyLoops: { nodes: unknown[] } }>(query, { id: 'lab', asOf: '2023-12-31' });
      expect(beforeDeal.data!.moneyLoops.nodes).toEqual([]);
    });

    it('does not report compute spending without an investment as a loop', async () => {
      await buildGraph(app.repos, { companies: ['x', 'y'], deals: [['x', 'y', 1, '2023-01-01'], ['y', 'x', 1, '2023-01-01']] });
      expect((await app.gql<{ moneyLoops: { nodes: unknown[] } }>(query, { id: 'x' })).data!.moneyLoops.nodes).toEqual([]);
    });
  });

  describe('connection', () => {
    const query = `query ($from: ID!, $to: ID!, $kinds: [RelationKind!], $max: Int, $asOf: Date) {
      connection(fromId: $from, toId: $to, kinds: $kinds, maxHops: $max, asOf: $asOf) { length ties nodes { id } steps { kind forward description } } }`;

    it('returns the shortest explained path, breaking ties by company ids, and null when there is none', async () => {
      await buildGraph(app.repos, {
        companies: ['a', 'm1', 'm2', 'b', 'island'],
        investments: [
          ['a', 'm1', 2750000000, '2024-03-27'],
          ['a', 'm2', 1, '2023-01-01'],
          ['b', 'm1', 1, '2023-01-01'],
        ],
        rivalries: [['m2', 'b', 'chips', '2020']],
      });
      const { data, errors } = await app.gql<{ connection: { length: number; ties: number; nodes: { id: string }[]; steps: { kind: string; forward: boolean; description: string }[] } }>(
        query,
        { from: 'a', to: 'b' },
      );
      expect(errors).toBeUndefined();
      expect(data!.connection).toMatchObject({ length: 2, ties: 2 });
      expect(ids(data!.connection.nodes)).toEqual(['a', 'm1', 'b']);
      expect(data!.connection.steps).toEqual([
        { kind: 'INVESTED_IN', forward: true, description: 'A invested $2.75B in M1 (2024-03)' },
        { kind: 'INVESTED_IN', forward: false, description: 'B invested $1 in M1 (2023-01)' },
      ]);
      const rivalsOnly = await app.gql<{ connection: { nodes: { id: string }[]; steps: { description: string }[] } }>(query, {
        from: 'a',
        to: 'b',
        kinds: ['INVESTED_IN', 'COMPETES_WITH'],
        asOf: '2022-12-31',
      });
      expect(rivalsOnly.data!.connection).toBeNull();
      const noPath = await app.gql<{ connection: unknown }>(query, { from: 'a', to: 'island' });
      expect(noPath).toMatchObject({ data: { connection: null } });
      const tooFar = await app.gql<{ connection: unknown }>(query, { from: 'a', to: 'b', max: 1 });
      expect(tooFar.data!.connection).toBeNull();
    });
  });

  describe('neighborhood and exposure', () => {
    it('draws the companies around one, with money labels, depth and asOf', async () => {
      await buildGraph(app.repos, {
        companies: ['hub', 'x', 'y', 'far'],
        investments: [
          ['x', 'hub', 5e9, '2023-01-01'],
          ['x', 'hub', 3e9, '2024-01-01'],
        ],
        deals: [['y', 'hub', null, '2024-06-01']],
        rivalries: [['y', 'far', 'cloud', '2020']],
      });
      const query = `query ($id: ID!, $depth: Int, $asOf: Date) { neighborhood(companyId: $id, depth: $depth, asOf: $asOf) {
        center { id } nodes { id } truncated edges { id from to kind amountUsd facts date label } } }`;
      const one = await app.gql<{ neighborhood: { nodes: { id: string }[]; truncated: boolean; edges: Record<string, unknown>[] } }>(query, { id: 'hub' });
      expect(ids(one.data!.neighborhood.nodes).sort()).toEqual(['hub', 'x', 'y']);
      expect(one.data!.neighborhood.truncated).toBe(false);
      expect(one.data!.neighborhood.edges).toEqual(
        expect.arrayContaining([
          { id: 'INVESTED_IN:x:hub', from: 'x', to: 'hub', kind: 'INVESTED_IN', amountUsd: 8e9, facts: 2, date: '2023-01-01', label: 'invested $8B (2) 2023-01-01' },
          expect.objectContaining({ from: 'y', to: 'hub', kind: 'SUPPLIES_COMPUTE', amountUsd: null, facts: 1 }),
        ]),
      );
      const two = await app.gql<{ neighborhood: { nodes: { id: string }[] } }>(query, { id: 'hub', depth: 2 });
      expect(ids(two.data!.neighborhood.nodes).sort()).toEqual(['far', 'hub', 'x', 'y']);
      const early = await app.gql<{ neighborhood: { nodes: { id: string }[]; edges: { amountUsd: number }[] } }>(query, { id: 'hub', asOf: '2023-06' });
      expect(ids(early.data!.neighborhood.nodes).sort()).toEqual(['hub', 'x']);
      expect(early.data!.neighborhood.edges.map((e) => e.amountUsd)).toEqual([5e9]);
    });

    it('splits money in and out by counterparty with shares and concentration', async () => {
      await buildGraph(app.repos, {
        companies: ['lab', 'p', 'p-cloud', 'q'],
        investments: [
          ['p', 'lab', 300, '2023-01-01'],
          ['q', 'lab', 100, '2023-01-01'],
        ],
        deals: [
          ['p-cloud', 'lab', 50, '2023-06-01', AmountKind.COMMITMENT],
          ['q', 'lab', 200, '2023-06-01'],
        ],
        subsidiaries: [['p-cloud', 'p', '2000']],
      });
      const query = `query ($asOf: Date) { exposure(companyId: "lab", asOf: $asOf) { raisedUsd computeBoughtUsd computeBought { committedUsd contractValueUsd } funderConcentration supplierConcentration
        funders { counterparty { id } amountUsd share } computeSuppliers { counterparty { id } share contractValueShare } fundersThatSupplyCompute { id } } }`;
      const { data, errors } = await app.gql<{ exposure: Record<string, unknown> }>(query, {});
      expect(errors).toBeUndefined();
      expect(data!.exposure).toEqual({
        raisedUsd: 400,
        computeBoughtUsd: 50,
        computeBought: { committedUsd: 50, contractValueUsd: 200 },
        funderConcentration: 0.75 ** 2 + 0.25 ** 2,
        supplierConcentration: 1,
        funders: [
          { counterparty: { id: 'p' }, amountUsd: 300, share: 0.75 },
          { counterparty: { id: 'q' }, amountUsd: 100, share: 0.25 },
        ],
        computeSuppliers: [
          { counterparty: { id: 'p' }, share: 1, contractValueShare: 0 },
          { counterparty: { id: 'q' }, share: 0, contractValueShare: 1 },
        ],
        fundersThatSupplyCompute: [{ id: 'p' }, { id: 'q' }],
      });
      const early = await app.gql<{ exposure: { computeBoughtUsd: number; fundersThatSupplyCompute: unknown[] } }>(query, { asOf: '2023-03' });
      expect(early.data!.exposure).toMatchObject({ computeBoughtUsd: 0, fundersThatSupplyCompute: [] });
    });
  });
});
