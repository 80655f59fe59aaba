import { buildGraph } from '../../support/graph-builder';
import { startTestApp, WRITER_KEY, type TestApp } from '../../support/test-app';

// Partnership is a traversed fact type added with no traversal code of its own: its definition's derived spec makes it
// a relation kind (PARTNERS_WITH) that connection walks and neighborhood draws, and, having no money flow, money loops,
// exposure and backers never read it.

const ids = (list: { id: string }[]) => list.map((c) => c.id);
const WRITE = { key: WRITER_KEY };

const RECORD = `mutation ($input: RecordPartnershipInput!) { recordPartnership(input: $input) { id } }`;

describe('Partnership as a relation kind', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });
  beforeEach(() => app.reset());

  /** Records a partnership through the API (the write path every fact type shares). */
  async function partner(a: string, b: string, kind: string, announcedOn: string, value: number | null = null): Promise<string> {
    const input = {
      companyIds: [a, b],
      kind,
      announcedOn,
      valueUsd: value,
      amountKind: value === null ? null : 'CONTRACT_VALUE',
      sourceIds: ['src-test'],
    };
    const { data, errors } = await app.gql<{ recordPartnership: { id: string } }>(RECORD, { input }, WRITE);
    expect(errors).toBeUndefined();
    return data!.recordPartnership.id;
  }

  it('is listed among the relation kinds: symmetric, one per fact, carrying a contract value, never a money step', async () => {
    const { data } = await app.gql<{ relationKinds: Record<string, unknown>[] }>('{ relationKinds { kind description symmetric perPair factType carriesMoney moneyFlow } }');
    expect(data!.relationKinds.map((k) => k.kind)).toEqual(['INVESTED_IN', 'SUPPLIES_COMPUTE', 'COMPETES_WITH', 'SUBSIDIARY_OF', 'ACQUIRED', 'PARTNERS_WITH']);
    expect(data!.relationKinds.at(-1)).toEqual({
      kind: 'PARTNERS_WITH',
      description: 'partners in distribution, integration, reselling or co-development',
      symmetric: true,
      perPair: false,
      factType: 'Partnership',
      carriesMoney: true,
      moneyFlow: null,
    });
  });

  it('is walked by connection between two companies linked by nothing else, included when kinds is omitted', async () => {
    await buildGraph(app.repos, { companies: ['vc', 'lab', 'cloud', 'island'], investments: [['vc', 'lab', 100, '2023-01-01']] });
    const id = await partner('lab', 'cloud', 'DISTRIBUTION', '2024-02-26', 50);
    const query = `query ($from: ID!, $to: ID!, $kinds: [RelationKind!], $asOf: Date) {
      connection(fromId: $from, toId: $to, kinds: $kinds, asOf: $asOf) {
        length nodes { id }
        steps { kind forward description amountUsd money { contractValueUsd } partnership { id kind } investments { id } rivalry { id } relations { kind } }
      } }`;
    type Answer = { connection: { length: number; nodes: { id: string }[]; steps: Record<string, unknown>[] } | null };

    const direct = await app.gql<Answer>(query, { from: 'lab', to: 'cloud' });
    expect(direct.errors).toBeUndefined();
    expect(direct.data!.connection).toEqual({
      length: 1,
      nodes: [{ id: 'lab' }, { id: 'cloud' }],
      steps: [
        {
          kind: 'PARTNERS_WITH',
          // Stored from the pair's first id (cloud), so the path from lab walks it backwards; the sentence reads in the step's order.
          forward: false,
          description: 'LAB partners with CLOUD (distribution, $50 contract value, 2024-02)',
          // A contract value is shown, never headline money.
          amountUsd: 0,
          money: { contractValueUsd: 50 },
          partnership: { id, kind: 'DISTRIBUTION' },
          investments: [],
          rivalry: null,
          relations: [{ kind: 'PARTNERS_WITH' }],
        },
      ],
    });

    // Two hops: an investment, then the partnership.
    const twoHops = await app.gql<Answer>(query, { from: 'vc', to: 'cloud' });
    expect(twoHops.data!.connection?.length).toBe(2);
    expect(twoHops.data!.connection?.steps.map((step) => step.kind)).toEqual(['INVESTED_IN', 'PARTNERS_WITH']);

    // kinds: [PARTNERS_WITH] alone walks it, and only it; without it the two are not connected.
    const only = await app.gql<Answer>(query, { from: 'cloud', to: 'lab', kinds: ['PARTNERS_WITH'] });
    expect(only.data!.connection).toMatchObject({ length: 1, steps: [{ kind: 'PARTNERS_WITH', forward: true, description: 'CLOUD partners with LAB (distribution, $50 contract value, 2024-02)' }] });
    expect((await app.gql<Answer>(query, { from: 'vc', to: 'cloud', kinds: ['PARTNERS_WITH'] })).data!.connection).toBeNull();
    expect((await app.gql<Answer>(query, { from: 'lab', to: 'cloud', kinds: ['INVESTED_IN', 'SUPPLIES_COMPUTE', 'COMPETES_WITH', 'SUBSIDIARY_OF', 'ACQUIRED'] })).data!.connection).toBeNull();
    // As of a date before it was announced there is no path.
    expect((await app.gql<Answer>(query, { from: 'lab', to: 'cloud', asOf: '2024-01-31' })).data!.connection).toBeNull();
    expect((await app.gql<Answer>(query, { from: 'lab', to: 'island' })).data!.connection).toBeNull();
  });

  it('is drawn by neighborhood with its date, kind and contract value, alone when kinds names it', async () => {
    await buildGraph(app.repos, { companies: ['vc', 'lab', 'cloud'], investments: [['vc', 'lab', 100, '2023-01-01']] });
    const id = await partner('lab', 'cloud', 'CO_DEVELOPMENT', '2024-02-26', 50);
    const query = `query ($kinds: [RelationKind!], $asOf: Date) { neighborhood(companyId: "lab", kinds: $kinds, asOf: $asOf) {
      nodes { id } edges { id from to kind date label facts amountUsd amountKind money { contractValueUsd headlineUsd } } } }`;
    type Answer = { neighborhood: { nodes: { id: string }[]; edges: Record<string, unknown>[] } };

    const all = await app.gql<Answer>(query, {});
    expect(all.errors).toBeUndefined();
    expect(ids(all.data!.neighborhood.nodes).sort()).toEqual(['cloud', 'lab', 'vc']);
    const edge = all.data!.neighborhood.edges.find((e) => e.kind === 'PARTNERS_WITH');
    expect(edge).toEqual({
      id,
      from: 'cloud',
      to: 'lab',
      kind: 'PARTNERS_WITH',
      date: '2024-02-26',
      label: 'partners: co-development 2024-02-26',
      facts: 1,
      amountUsd: null,
      amountKind: 'CONTRACT_VALUE',
      money: { contractValueUsd: 50, headlineUsd: 0 },
    });

    const partnersOnly = await app.gql<Answer>(query, { kinds: ['PARTNERS_WITH'] });
    expect(ids(partnersOnly.data!.neighborhood.nodes).sort()).toEqual(['cloud', 'lab']);
    expect(partnersOnly.data!.neighborhood.edges.map((e) => e.kind)).toEqual(['PARTNERS_WITH']);

    const before = await app.gql<Answer>(query, { asOf: '2024-02-25' });
    expect(before.data!.neighborhood.edges.map((e) => e.kind)).toEqual(['INVESTED_IN']);
  });

  it('is not money: money loops step around it, exposure and backers of competitors do not read it', async () => {
    // vc pays lab (investment) and cloud pays vc (investment): only a flow from lab to cloud would close a loop.
    await buildGraph(app.repos, {
      companies: ['vc', 'lab', 'cloud', 'rival', 'backer', 'ally'],
      investments: [
        ['vc', 'lab', 100, '2023-01-01'],
        ['cloud', 'vc', 10, '2023-01-01'],
        ['backer', 'rival', 5, '2023-01-01'],
      ],
      rivalries: [['lab', 'rival', 'frontier-models', '2022']],
    });
    await partner('lab', 'cloud', 'RESELLING', '2024-02-26', 50);
    await partner('rival', 'ally', 'INTEGRATION', '2024-03-01');

    const loops = `query ($id: ID) { moneyLoops(companyId: $id) { nodes { companies { id } steps { kind } } } }`;
    expect((await app.gql<{ moneyLoops: { nodes: unknown[] } }>(loops, { id: 'lab' })).data!.moneyLoops.nodes).toEqual([]);
    expect((await app.gql<{ moneyLoops: { nodes: unknown[] } }>(loops, {})).data!.moneyLoops.nodes).toEqual([]);

    const exposure = await app.gql<{ exposure: Record<string, unknown> }>(`{ exposure(companyId: "lab") {
      raisedUsd funders { counterparty { id } } computeSupplierCount computeCustomerCount computeBought { contractValueUsd } computeSold { contractValueUsd } } }`);
    expect(exposure.errors).toBeUndefined();
    expect(exposure.data!.exposure).toEqual({
      raisedUsd: 100,
      funders: [{ counterparty: { id: 'vc' } }],
      computeSupplierCount: 0,
      computeCustomerCount: 0,
      computeBought: { contractValueUsd: 0 },
      computeSold: { contractValueUsd: 0 },
    });

    const backers = await app.gql<{ backersOfCompetitors: { competitor: { id: string }; backer: { id: string } }[] }>(
      `{ backersOfCompetitors(companyId: "lab") { competitor { id } backer { id } } }`,
    );
    expect(backers.data!.backersOfCompetitors.map((row) => [row.competitor.id, row.backer.id])).toEqual([['rival', 'backer']]);

    // A compute deal in the partnership's place is money (the customer pays its provider) and closes the loop.
    await buildGraph(app.repos, { companies: [], deals: [['cloud', 'lab', 40, '2024-01-15']] });
    const closed = await app.gql<{ moneyLoops: { nodes: { companies: { id: string }[]; steps: { kind: string }[] }[] } }>(loops, { id: 'lab' });
    expect(closed.data!.moneyLoops.nodes.map((loop) => ids(loop.companies))).toEqual([['lab', 'cloud', 'vc', 'lab']]);
    expect(closed.data!.moneyLoops.nodes[0]?.steps.map((step) => step.kind)).toEqual(['COMPUTE', 'INVESTMENT', 'INVESTMENT']);
  });

  it('takes only a contract value, and two different companies', async () => {
    await buildGraph(app.repos, { companies: ['lab', 'cloud'] });
    const input = { companyIds: ['lab', 'cloud'], kind: 'DISTRIBUTION', announcedOn: '2024-02-26', valueUsd: 5, amountKind: 'PAID', sourceIds: ['src-test'] };
    const paid = await app.gql(RECORD, { input }, WRITE);
    expect(paid.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const self = await app.gql(RECORD, { input: { ...input, companyIds: ['lab', 'lab'], amountKind: 'CONTRACT_VALUE' } }, WRITE);
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0]?.message).toMatch(/cannot partner with itself/);
  });
});
