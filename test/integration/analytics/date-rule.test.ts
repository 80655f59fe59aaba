import { useSeededTestApp } from '../../support/test-app';
import { TEST_TODAY } from '../../support/test-today';

/**
 * One date rule everywhere, on the seed: no asOf is today (the suite fixes today to TEST_TODAY), a fact dated to a
 * month counts once the month is over wherever a date is taken, and a traversal counts a relation only when one of
 * its facts is in scope by itself. Each case is one an outside check found answered otherwise.
 */
describe('one date rule: today by default, fact by fact', () => {
  const app = useSeededTestApp();
  const gql = async <T>(query: string, variables?: Record<string, unknown>) => {
    const { data, errors } = await app().gql<T>(query, variables);
    expect(errors).toBeUndefined();
    return data!;
  };

  it('reads "no asOf" as today, not as the end of time: deals that end in the future are in force', async () => {
    type Exposure = { computeBought: { contractValueUsd: number }; computeSuppliers: { counterparty: { id: string } }[] };
    const data = await gql<{ a: Exposure; b: Exposure; c: { state: { asOf: string; status: string; inForce: boolean } } }>(
      `query ($today: Date) {
        a: exposure(companyId: "microsoft") { computeBought { contractValueUsd } computeSuppliers { counterparty { id } } }
        b: exposure(companyId: "microsoft", asOf: $today) { computeBought { contractValueUsd } computeSuppliers { counterparty { id } } }
        c: computeDeal(id: "cd-nebius-microsoft-2025-09") { state { asOf status inForce } } }`,
      { today: TEST_TODAY },
    );
    expect(data.a).toEqual(data.b);
    // Lambda's deal (2025-11-03) and Nscale's (2025-10-15) have no disclosed value: suppliers, nothing added to the
    // contract values.
    expect(data.a.computeSuppliers.map((s) => s.counterparty.id).sort()).toEqual(['iren', 'lambda', 'nebius', 'nscale']);
    expect(data.a.computeBought.contractValueUsd).toBe(27.1e9);
    expect(data.c.state).toEqual({ asOf: TEST_TODAY, status: 'ANNOUNCED', inForce: true });
  });

  it('walks relations in force today: connections through deals that end after today', async () => {
    const data = await gql<{ a: { length: number } | null; b: { length: number; ties: number } | null }>(
      '{ a: connection(fromId: "nebius", toId: "inflection") { length } b: connection(fromId: "microsoft", toId: "broadcom") { length ties } }',
    );
    expect(data.a?.length).toBe(2);
    expect(data.b?.length).toBe(2);
  });

  it('draws an edge only for a fact that is both known and confident enough, and dates it by that fact', async () => {
    type Edge = { id: string; facts: number; date: string | null };
    const data = await gql<{ n: { edges: Edge[] }; openai: { edges: Edge[] } }>(
      `{ n: neighborhood(companyId: "mistral", asOf: "2024-02-15", minConfidence: CONFIRMED) { edges { id facts date } }
         openai: neighborhood(companyId: "openai", asOf: "2025-12-31") { edges { id facts date } } }`,
    );
    // Nvidia's only fact known then is REPORTED; its CONFIRMED one came in 2025-09.
    expect(data.n.edges.map((e) => e.id)).not.toContain('INVESTED_IN:nvidia:mistral');
    for (const edge of data.n.edges) expect(edge.facts).toBeGreaterThan(0);
    // Azure's 2019 agreement with OpenAI has ended by then: the edge is the 2025 agreement's, dated by it.
    const azure = data.openai.edges.find((e) => e.id === 'SUPPLIES_COMPUTE:azure:openai');
    expect(azure).toBeDefined();
    expect(azure!.date! >= '2025').toBe(true);
  });

  it('finds routes over facts that are each in scope, and counts only those routes', async () => {
    const data = await gql<{ c1: { length: number } | null; c2: { length: number; ties: number } | null }>(
      `{ c1: connection(fromId: "lightspeed", toId: "microsoft", asOf: "2025-04-15", minConfidence: CONFIRMED) { length }
         c2: connection(fromId: "inflection", toId: "softbank", asOf: "2025-04-15", minConfidence: CONFIRMED) { length ties } }`,
    );
    expect(data.c1?.length).toBe(2);
    expect(data.c2?.ties).toBe(1);
  });

  it("lists the company's own subsidiary the rivalry runs through", async () => {
    const data = await gql<{ backersOfCompetitors: { explanation: string; throughSubsidiaries: { id: string }[] }[] }>(
      '{ backersOfCompetitors(companyId: "openai-foundation", asOf: "2025-12-31") { explanation throughSubsidiaries { id } } }',
    );
    const viaOpenAI = data.backersOfCompetitors.filter((row) => row.explanation.includes('through its subsidiary'));
    expect(viaOpenAI.length).toBeGreaterThan(0);
    for (const row of viaOpenAI) expect(row.throughSubsidiaries.map((c) => c.id)).toContain('openai');
  });

  it('takes a date the same way in Company fact lists as in analytics: a month-dated fact once its month is over', async () => {
    const data = await gql<{
      company: { strict: { id: string; state: { asOf: string } }[]; loose: { id: string }[] };
      exposure: { funders: { counterparty: { id: string } }[] };
    }>(
      `{ company(id: "anthropic") {
           strict: investmentsReceived(asOf: "2025-03-15") { id state { asOf } }
           loose: investmentsReceived(asOf: "2025-03-15", includeImprecise: true) { id } }
         exposure(companyId: "anthropic", asOf: "2025-03-15") { funders { counterparty { id } } } }`,
    );
    const march = (ids: string[]) => ids.filter((id) => id.endsWith('-2025-03'));
    expect(march(data.company.strict.map((i) => i.id))).toEqual([]);
    expect(march(data.company.loose.map((i) => i.id)).length).toBe(5);
    // Each listed fact's state is read on the list's date.
    for (const investment of data.company.strict) expect(investment.state.asOf).toBe('2025-03-15');
    const investors = new Set(data.company.strict.map((i) => i.id.split('-anthropic-')[0]!.replace(/^inv-/, '')));
    for (const funder of data.exposure.funders) expect(investors.has(funder.counterparty.id)).toBe(true);
  });
});
