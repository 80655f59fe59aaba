import { useSeededTestApp } from '../../support/test-app';

type Row = Record<string, unknown>;
const idsOf = (list: { id: string }[]) => list.map((c) => c.id);

describe('analytics on the seed dataset', () => {
  const app = useSeededTestApp();

  const backers = (asOf?: string) =>
    app().gql<{ backersOfCompetitors: { competitor: { id: string }; backer: { id: string }; alsoBacksTarget: boolean; totalUsd: number; explanation: string }[] }>(
      'query ($asOf: Date) { backersOfCompetitors(companyId: "anthropic", asOf: $asOf) { competitor { id } backer { id } alsoBacksTarget totalUsd explanation } }',
      { asOf },
    );

  it('backersOfCompetitors(anthropic) lists Microsoft through OpenAI and marks hedges; the hedge appears only after Nov 2025', async () => {
    const now = (await backers()).data!.backersOfCompetitors;
    const microsoftViaOpenAI = now.find((r) => r.competitor.id === 'openai' && r.backer.id === 'microsoft');
    expect(microsoftViaOpenAI).toMatchObject({ alsoBacksTarget: true });
    expect(microsoftViaOpenAI!.totalUsd).toBeGreaterThan(1e10);
    expect(microsoftViaOpenAI!.explanation).toMatch(/^Microsoft invested \$[\d.]+B \(\$[\d.]+B paid, \$10B committed\).* in OpenAI .*competes with Anthropic/);
    // Microsoft's Nov-2025 Anthropic investment is a ceiling: named as one, never added to money that went in.
    expect(microsoftViaOpenAI!.explanation).toMatch(/Microsoft also invested up to \$5B \(nothing binding\) in Anthropic itself\.$/);
    expect(now.find((r) => r.competitor.id === 'openai' && r.backer.id === 'softbank')).toMatchObject({ alsoBacksTarget: false });
    const before = (await backers('2024-12-31')).data!.backersOfCompetitors;
    expect(before.find((r) => r.competitor.id === 'openai' && r.backer.id === 'microsoft')).toMatchObject({ alsoBacksTarget: false });
    expect(before.length).toBeLessThan(now.length);
  });

  it('twoSidedBackers changes with the date: Microsoft backs both Anthropic and OpenAI only from Nov 2025', async () => {
    const query = 'query ($asOf: Date) { twoSidedBackers(asOf: $asOf, market: "frontier-models") { nodes { backer { id } sideA { id } sideB { id } totalUsdA totalUsdB } } }';
    const pairs = (rows: { backer: { id: string }; sideA: { id: string }; sideB: { id: string } }[]) => rows.map((r) => `${r.backer.id}:${r.sideA.id}/${r.sideB.id}`);
    const now = pairs((await app().gql<{ twoSidedBackers: { nodes: never[] } }>(query, {})).data!.twoSidedBackers.nodes);
    const before = pairs((await app().gql<{ twoSidedBackers: { nodes: never[] } }>(query, { asOf: '2025-10-31' })).data!.twoSidedBackers.nodes);
    expect(now).toContain('microsoft:anthropic/openai');
    expect(before).not.toContain('microsoft:anthropic/openai');
  });

  it('moneyLoops(anthropic) finds Amazon -> Anthropic -> AWS; not before the first tranche', async () => {
    const query = 'query ($asOf: Date) { moneyLoops(companyId: "anthropic", asOf: $asOf) { nodes { companies { id } steps { kind description } totalUsd } } }';
    const now = (await app().gql<{ moneyLoops: { nodes: { companies: { id: string }[]; steps: { kind: string; description: string }[] }[] } }>(query, {})).data!.moneyLoops.nodes;
    const amazonLoop = now.find((loop) => idsOf(loop.companies).join('>') === 'anthropic>aws>amazon>anthropic');
    expect(amazonLoop).toBeDefined();
    expect(amazonLoop!.steps.map((s) => s.kind)).toEqual(['COMPUTE', 'OWNERSHIP', 'INVESTMENT']);
    expect(amazonLoop!.steps[2].description).toMatch(/^Amazon invested \$[\d.]+B in Anthropic/);
    const before = (await app().gql<{ moneyLoops: { nodes: { companies: { id: string }[] }[] } }>(query, { asOf: '2023-08-31' })).data!.moneyLoops.nodes;
    expect(before.map((loop) => idsOf(loop.companies).join('>'))).not.toContain('anthropic>aws>amazon>anthropic');
  });

  it('connection(amazon, microsoft) is an explained path of at most 3 steps; over money links, none before Amazon invested', async () => {
    const query = 'query ($asOf: Date) { connection(fromId: "amazon", toId: "microsoft", asOf: $asOf) { length nodes { id } steps { kind description investments { id sources { url } } } } }';
    const { data } = await app().gql<{ connection: { length: number; nodes: { id: string }[]; steps: { description: string; investments: { sources: unknown[] }[] }[] } }>(query, {});
    expect(data!.connection.length).toBeLessThanOrEqual(3);
    expect(data!.connection.nodes[0].id).toBe('amazon');
    expect(data!.connection.nodes[data!.connection.nodes.length - 1].id).toBe('microsoft');
    for (const step of data!.connection.steps) expect(step.description.length).toBeGreaterThan(10);
    const money = 'query ($asOf: Date) { connection(fromId: "amazon", toId: "microsoft", kinds: [INVESTED_IN], asOf: $asOf) { nodes { id } } }';
    const early = await app().gql<{ connection: { nodes: { id: string }[] } | null }>(money, { asOf: '2023-06-30' });
    expect(early.data!.connection).toBeNull();
    const later = await app().gql<{ connection: { nodes: { id: string }[] } | null }>(money, {});
    expect(idsOf(later.data!.connection!.nodes)).toEqual(['amazon', 'anthropic', 'microsoft']);
  });

  it('neighborhood counts and labels an edge\'s facts as of the date, not every fact ever recorded', async () => {
    type Edge = { from: string; to: string; kind: string; facts: number; label: string; amountUsd: number | null };
    const query = 'query ($asOf: Date) { neighborhood(companyId: "openai", asOf: $asOf, kinds: [INVESTED_IN]) { edges { from to kind facts label amountUsd } } }';
    const edge = async (asOf?: string) =>
      (await app().gql<{ neighborhood: { edges: Edge[] } }>(query, { asOf })).data!.neighborhood.edges.find((e) => e.from === 'microsoft' && e.to === 'openai');
    const in2019 = await edge('2019-12-31');
    expect(in2019).toMatchObject({ facts: 1, amountUsd: 1e9 });
    expect(in2019!.label).not.toMatch(/\(\d+\)/);
    const now = await edge();
    expect(now!.facts).toBeGreaterThan(1);
    expect(now!.label).toContain(`(${now!.facts})`);
  });

  it('neighborhood(anthropic) grows over time', async () => {
    const query = 'query ($asOf: Date) { neighborhood(companyId: "anthropic", asOf: $asOf) { nodes { id } edges { kind } truncated } }';
    const now = (await app().gql<{ neighborhood: { nodes: unknown[]; edges: unknown[] } }>(query, {})).data!.neighborhood;
    const before = (await app().gql<{ neighborhood: { nodes: unknown[]; edges: unknown[] } }>(query, { asOf: '2023-06-30' })).data!.neighborhood;
    expect(now.nodes.length).toBeGreaterThan(before.nodes.length);
    expect(before.nodes.length).toBeGreaterThan(1);
  });

  it('exposure(anthropic): Amazon and Google both fund it and sell it compute; one tranche as of 2023-12-31', async () => {
    const query = `query ($asOf: Date) { exposure(companyId: "anthropic", asOf: $asOf) { raisedUsd funders { counterparty { id } amountUsd } fundersThatSupplyCompute { id } } }`;
    const now = (await app().gql<{ exposure: { raisedUsd: number; fundersThatSupplyCompute: { id: string }[]; funders: { counterparty: { id: string }; amountUsd: number }[] } }>(query, {}))
      .data!.exposure;
    expect(idsOf(now.fundersThatSupplyCompute)).toEqual(expect.arrayContaining(['amazon', 'google']));
    const then = (await app().gql<{ exposure: { funders: { counterparty: { id: string }; amountUsd: number }[] } }>(query, { asOf: '2023-12-31' })).data!.exposure;
    expect(then.funders.find((f) => f.counterparty.id === 'amazon')?.amountUsd).toBe(1.25e9);
    expect(now.funders.find((f) => f.counterparty.id === 'amazon')?.amountUsd).toBe(8e9);
  });

  it('answers each analytics query in a bounded number of database round trips', async () => {
    const queries: [string, number][] = [
      ['{ backersOfCompetitors(companyId: "anthropic") { backer { name } investments { investor { name } sources { url } } } }', 3],
      ['{ twoSidedBackers { nodes { backer { name } } } }', 1],
      // One statement per loop length (2 to the default 4): each stops the page as soon as it is full.
      ['{ moneyLoops(companyId: "anthropic") { nodes { companies { name } steps { investments { investor { name } } } } } }', 3],
      ['{ connection(fromId: "amazon", toId: "microsoft") { nodes { name } } }', 1],
      ['{ neighborhood(companyId: "anthropic") { nodes { name } } }', 1],
      ['{ exposure(companyId: "anthropic") { funders { counterparty { name } } } }', 2],
    ];
    for (const [query, budget] of queries) {
      const result = await app().gql<Row>(query);
      expect(result.errors).toBeUndefined();
      expect({ query, roundTrips: result.roundTrips }).toEqual({ query, roundTrips: expect.any(Number) });
      expect(result.roundTrips).toBeLessThanOrEqual(budget);
    }
  });
});
