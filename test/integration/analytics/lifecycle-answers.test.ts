import { useSeededTestApp } from '../../support/test-app';

type Money = { paidUsd: number; committedUsd: number; ceilingUsd: number; contractValueUsd: number; headlineUsd: number; description: string };
type Share = { counterparty: { id: string }; amountUsd: number; share: number | null; money: Money };

/** Answers that depend on money kinds, lifecycles, date precision and confidence, on the seed dataset. */
describe('money by kind and facts as they stood, on the seed dataset', () => {
  const app = useSeededTestApp();

  const exposure = async (companyId: string, args = '') => {
    const query = `query ($id: ID!) { exposure(companyId: $id${args}) { raisedUsd raised { paidUsd committedUsd ceilingUsd contractValueUsd headlineUsd description }
      funders { counterparty { id } amountUsd share money { paidUsd committedUsd ceilingUsd contractValueUsd headlineUsd description } }
      computeSuppliers { counterparty { id } amountUsd share money { paidUsd committedUsd ceilingUsd contractValueUsd headlineUsd description } } } }`;
    const result = await app().gql<{ exposure: { raisedUsd: number; raised: Money; funders: Share[]; computeSuppliers: Share[] } }>(query, { id: companyId });
    expect(result.errors).toBeUndefined();
    return result.data!.exposure;
  };
  const of = (list: Share[], id: string) => list.find((entry) => entry.counterparty.id === id);

  it("never adds a ceiling to the headline: Nvidia's $100B letter of intent is not OpenAI's money", async () => {
    const now = await exposure('openai');
    const nvidia = of(now.funders, 'nvidia')!;
    expect(nvidia.money.ceilingUsd).toBeGreaterThanOrEqual(99e9);
    expect(nvidia.amountUsd).toBeLessThan(1e9);
    expect(nvidia.share!).toBeLessThan(0.01);
    expect(now.raisedUsd).toBe(now.raised.paidUsd + now.raised.committedUsd);
    expect(now.raised.ceilingUsd).toBeGreaterThanOrEqual(99e9);
    expect(now.funders.reduce((sum, f) => sum + (f.share ?? 0), 0)).toBeCloseTo(1, 6);
    const end2024 = await exposure('openai', ', asOf: "2024-12-31"');
    expect(of(end2024.funders, 'nvidia')!.money.ceilingUsd).toBe(0);
    expect(end2024.raisedUsd).toBeLessThan(now.raisedUsd);
  });

  it('reads the Amazon-Anthropic agreement as it stood: paid of up to, the option, then complete, then paid in instalments', async () => {
    const query = `query ($asOf: Date) { investment(id: "inv-amazon-anthropic-2023-09") { state(asOf: $asOf) { status inForce optionOpenUntil money { paidUsd committedUsd ceilingUsd description } } }
      exposure(companyId: "anthropic", asOf: $asOf) { funders { counterparty { id } amountUsd money { paidUsd committedUsd ceilingUsd description } } } }`;
    const at = async (asOf: string) => {
      const { data, errors } = await app().gql<{ investment: { state: Record<string, unknown> }; exposure: { funders: Share[] } }>(query, { asOf });
      expect(errors).toBeUndefined();
      return { agreement: data!.investment.state, amazon: of(data!.exposure.funders, 'amazon')! };
    };
    const end2023 = await at('2023-12-31');
    expect(end2023.agreement).toMatchObject({ status: 'ACTIVE', inForce: true, optionOpenUntil: '2024-03-31', money: { paidUsd: 1.25e9, committedUsd: 0, ceilingUsd: 2.75e9, description: '$1.25B (paid) of up to $4B' } });
    expect(end2023.amazon).toMatchObject({ amountUsd: 1.25e9 });
    const endQ1 = await at('2024-03-31');
    expect(endQ1.agreement).toMatchObject({ status: 'COMPLETED', optionOpenUntil: null, money: { paidUsd: 4e9, committedUsd: 0, ceilingUsd: 0 } });
    const q3of2025 = await at('2025-09-30');
    expect(q3of2025.amazon.money).toMatchObject({ paidUsd: 6.6e9, committedUsd: 1.4e9, description: '$8B ($6.6B paid, $1.4B committed)' });
    expect(q3of2025.amazon.amountUsd).toBe(8e9);
  });

  it("drops Azure's ended exclusivity from OpenAI's compute suppliers and keeps the right of first refusal in force", async () => {
    const deals = `query ($asOf: Date, $ended: Boolean) { moneyLoops(companyId: "openai", asOf: $asOf, includeEnded: $ended, maxLength: 2) { nodes { steps { computeDeals { id } } } } }`;
    expect((await app().gql(deals, { asOf: '2025-06-30' })).errors).toBeUndefined();
    const query = `query ($asOf: Date!) { computeDeals(filter: {customerId: "openai", providerId: "azure"}) { nodes { id state(asOf: $asOf) { status inForce } } } }`;
    const { data } = await app().gql<{ computeDeals: { nodes: { id: string; state: { status: string | null; inForce: boolean } }[] } }>(query, { asOf: '2025-06-30' });
    const state = Object.fromEntries(data!.computeDeals.nodes.map((n) => [n.id, n.state]));
    expect(state['cd-azure-openai-2019-07']).toEqual({ status: 'ENDED', inForce: false });
    expect(state['cd-azure-openai-2023-01']).toEqual({ status: 'ENDED', inForce: false });
    expect(state['cd-azure-openai-2025-01']).toEqual({ status: 'ACTIVE', inForce: true });
    const steps = `query ($asOf: Date, $ended: Boolean) { connection(fromId: "azure", toId: "openai", maxHops: 1, kinds: [SUPPLIES_COMPUTE], asOf: $asOf, includeEnded: $ended) { steps { computeDeals { id } } } }`;
    const live = await app().gql<{ connection: { steps: { computeDeals: { id: string }[] }[] } }>(steps, { asOf: '2025-06-30' });
    expect(live.data!.connection.steps[0].computeDeals.map((d) => d.id)).toEqual(['cd-azure-openai-2025-01']);
    const all = await app().gql<{ connection: { steps: { computeDeals: { id: string }[] }[] } }>(steps, { asOf: '2025-06-30', ended: true });
    expect(all.data!.connection.steps[0].computeDeals.map((d) => d.id)).toEqual(['cd-azure-openai-2019-07', 'cd-azure-openai-2023-01', 'cd-azure-openai-2025-01']);
    const before = await app().gql<{ connection: { steps: { computeDeals: { id: string }[] }[] } }>(steps, { asOf: '2024-12-31' });
    expect(before.data!.connection.steps[0].computeDeals.map((d) => d.id)).toEqual(['cd-azure-openai-2019-07', 'cd-azure-openai-2023-01']);
  });

  it('counts two relations between the same two companies as one route, and lists both on its step', async () => {
    // Google acquired DeepMind and holds it as a subsidiary: one route of one step, both relations on it. (From a
    // company further away the number of routes moves as the seed grows: Thrive reaches Google through Anysphere too.)
    const query = '{ connection(fromId: "google", toId: "google-deepmind") { ties length steps { from { id } to { id } relations { kind } } } }';
    const { data, errors } = await app().gql<{ connection: { ties: number; length: number; steps: { from: { id: string }; to: { id: string }; relations: { kind: string }[] }[] } }>(query);
    expect(errors).toBeUndefined();
    expect(data!.connection.ties).toBe(1);
    expect(data!.connection.length).toBe(1);
    const last = data!.connection.steps[data!.connection.length - 1];
    expect(last.to.id).toBe('google-deepmind');
    expect(last.relations.map((r) => r.kind).sort()).toEqual(['ACQUIRED', 'SUBSIDIARY_OF']);
  });

  it('counts a year-dated fact only once its year is over, unless imprecise dates are asked for', async () => {
    const query = `query ($asOf: Date, $imprecise: Boolean) { exposure(companyId: "cohere", asOf: $asOf, includeImprecise: $imprecise) { funders { counterparty { id } } } }`;
    const year = await app().gql<{ fundingRound: { announcedOn: string; state: { datePrecision: string } } }>('{ fundingRound(id: "round-cohere-2024") { announcedOn state { datePrecision } } }');
    expect(year.data!.fundingRound).toEqual({ announcedOn: '2024', state: { datePrecision: 'YEAR' } });
    const funders = async (asOf: string, imprecise: boolean) =>
      (await app().gql<{ exposure: { funders: { counterparty: { id: string } }[] } }>(query, { asOf, imprecise })).data!.exposure.funders.length;
    const march = await funders('2024-03-31', false);
    expect(await funders('2024-03-31', true)).toBeGreaterThan(march);
    expect(await funders('2024-12-30', false)).toBe(march);
    expect(await funders('2024-12-31', false)).toBeGreaterThan(march);
  });

  it('leaves out facts below minConfidence: Perplexity without the rumoured Accel money', async () => {
    const query = `query ($min: Confidence) { exposure(companyId: "perplexity", minConfidence: $min) { funders { counterparty { id } } } }`;
    const ids = async (min: string) => (await app().gql<{ exposure: { funders: { counterparty: { id: string } }[] } }>(query, { min })).data!.exposure.funders.map((f) => f.counterparty.id);
    expect(await ids('RUMOURED')).toContain('accel');
    expect(await ids('REPORTED')).not.toContain('accel');
  });

  it('shows a source kind and a fact history with sources', async () => {
    const { data, errors } = await app().gql<{ investment: { confidence: string; history: { kind: string; derived: boolean; sourceIds: string[]; money: { paidUsd: number } }[]; sources: { kind: string }[] } }>(
      '{ investment(id: "inv-amazon-anthropic-2023-09") { confidence history { kind on derived sourceIds status money { paidUsd } } sources { kind originalPublisher } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.investment.history.map((h) => h.kind)).toEqual(['ANNOUNCED', 'AGREED', 'TRANCHE_FUNDED', 'OPTION_EXERCISED', 'TRANCHE_FUNDED', 'CLOSED']);
    expect(data!.investment.history.filter((h) => !h.derived).every((h) => h.sourceIds.length > 0)).toBe(true);
    expect(data!.investment.history.at(-1)!.money.paidUsd).toBe(4e9);
    expect(data!.investment.sources.some((s) => s.kind === 'COMPANY_RELEASE')).toBe(true);
  });
});
