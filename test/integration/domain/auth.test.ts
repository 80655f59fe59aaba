import { READER_KEY, WRITER_KEY, startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, createCompanies, firstError, ok, recordSources, snapshotGraph } from './helpers';

/**
 * Every mutation of the schema with a valid input that targets existing records, in an order in which the writer can
 * run them one after another (records and updates first, removals and the delete last).
 */
const MUTATIONS: [string, string][] = [
  ['createCompany', 'mutation { createCompany(input: {id: "new-co", name: "New Co", kind: OTHER}) { id } }'],
  ['updateCompany', 'mutation { updateCompany(id: "anthropic", input: {description: "changed"}) { id } }'],
  ['recordSource', 'mutation { recordSource(input: {id: "src-new", url: "https://news.example.com/new", publisher: "P", title: "T"}) { id } }'],
  ['updateSource', 'mutation { updateSource(id: "src-one", input: {url: "https://news.example.com/one", publisher: "Changed", title: "Changed"}) { id } }'],
  ['recordInvestment', 'mutation { recordInvestment(input: {id: "inv-new", investorId: "google", investeeId: "mistral", announcedOn: "2024-01", sourceIds: ["src-one"]}) { id } }'],
  ['updateInvestment', 'mutation { updateInvestment(id: "inv-1", input: {note: "changed"}) { id } }'],
  ['recordComputeDeal', 'mutation { recordComputeDeal(input: {id: "cd-new", providerId: "google", customerId: "mistral", announcedOn: "2024-01", resource: TPU, sourceIds: ["src-one"]}) { id } }'],
  ['updateComputeDeal', 'mutation { updateComputeDeal(id: "cd-1", input: {note: "changed"}) { id } }'],
  ['recordRivalry', 'mutation { recordRivalry(input: {id: "riv-new", companyIds: ["google", "mistral"], market: "frontier-models", sourceIds: ["src-one"]}) { id } }'],
  ['updateRivalry', 'mutation { updateRivalry(id: "riv-1", input: {note: "changed"}) { id } }'],
  ['recordSubsidiaryLink', 'mutation { recordSubsidiaryLink(input: {id: "sub-new", childId: "google-deepmind", parentId: "google", sourceIds: ["src-one"]}) { id } }'],
  ['updateSubsidiaryLink', 'mutation { updateSubsidiaryLink(id: "sub-1", input: {since: "2006"}) { id } }'],
  ['recordAcquisition', 'mutation { recordAcquisition(input: {id: "acq-new", acquirerId: "microsoft", targetId: "openai", announcedOn: "2024-01", sourceIds: ["src-one"]}) { id } }'],
  ['updateAcquisition', 'mutation { updateAcquisition(id: "acq-1", input: {note: "changed"}) { id } }'],
  ['recordFundingRound', 'mutation { recordFundingRound(input: {id: "round-new", companyId: "mistral", name: "Series C", announcedOn: "2024-06", leadInvestorIds: ["google"], sourceIds: ["src-one"]}) { id } }'],
  ['updateFundingRound', 'mutation { updateFundingRound(id: "round-1", input: {note: "changed"}) { id } }'],
  ['recordPartnership', 'mutation { recordPartnership(input: {id: "ptn-new", companyIds: ["google", "mistral"], kind: INTEGRATION, announcedOn: "2024-01", sourceIds: ["src-one"]}) { id } }'],
  ['updatePartnership', 'mutation { updatePartnership(id: "ptn-1", input: {note: "changed"}) { id } }'],
  ['createWatch', 'mutation { createWatch(name: "anthropic exposure", question: {exposure: {companyId: "anthropic"}}) { id } }'],
  ['removeWatch', 'mutation { removeWatch(id: "__WATCH__") { id deleted } }'],
  ['revertChange', 'mutation { revertChange(seq: __SEQ__) { lastSeq } }'],
  ['createWebhookEndpoint', 'mutation { createWebhookEndpoint(input: {url: "http://127.0.0.1:9/hook", description: "d"}) { secret } }'],
  ['rotateWebhookSecret', 'mutation { rotateWebhookSecret(id: "__ENDPOINT__") { secret } }'],
  ['redeliverWebhook', 'mutation { redeliverWebhook(deliveryId: "no-such-delivery") { id } }'],
  ['removeWebhookEndpoint', 'mutation { removeWebhookEndpoint(id: "__ENDPOINT__") { id deleted } }'],
  ['redactChanges', 'mutation { redactChanges(entityId: "anthropic") { redacted } }'],
  ['removeInvestment', 'mutation { removeInvestment(id: "inv-1") { id deleted } }'],
  ['removeComputeDeal', 'mutation { removeComputeDeal(id: "cd-1") { id deleted } }'],
  ['removeRivalry', 'mutation { removeRivalry(id: "riv-1") { id deleted } }'],
  ['removeSubsidiaryLink', 'mutation { removeSubsidiaryLink(id: "sub-1") { id deleted } }'],
  ['removeAcquisition', 'mutation { removeAcquisition(id: "acq-1") { id deleted } }'],
  ['removeFundingRound', 'mutation { removeFundingRound(id: "round-1") { id deleted } }'],
  ['removePartnership', 'mutation { removePartnership(id: "ptn-1") { id deleted } }'],
  ['removeSource', 'mutation { removeSource(id: "src-unused") { id deleted } }'],
  ['deleteCompany', 'mutation { deleteCompany(id: "lonely", cascade: true) { id deleted } }'],
];

async function authWorld(app: TestApp): Promise<void> {
  await coreWorld(app);
  await createCompanies(app, [
    { id: 'google-deepmind', name: 'Google DeepMind', kind: 'AI_LAB' },
    { id: 'lonely', name: 'Lonely', kind: 'OTHER' },
  ]);
  await recordSources(app, [{ id: 'src-unused', url: 'https://news.example.com/unused' }]);
  await ok(
    app,
    `mutation {
      inv: recordInvestment(input: {id: "inv-1", investorId: "amazon", investeeId: "anthropic", announcedOn: "2023-09-25", amountUsd: 1.25e9, amountKind: PAID, sourceIds: ["src-one"]}) { id }
      deal: recordComputeDeal(input: {id: "cd-1", providerId: "aws", customerId: "anthropic", announcedOn: "2023-09-25", resource: CLOUD, relatedInvestmentId: "inv-1", sourceIds: ["src-one"]}) { id }
      riv: recordRivalry(input: {id: "riv-1", companyIds: ["anthropic", "openai"], market: "frontier-models", since: "2021", sourceIds: ["src-two"]}) { id }
      sub: recordSubsidiaryLink(input: {id: "sub-1", childId: "aws", parentId: "amazon", sourceIds: ["src-two"]}) { id }
      acq: recordAcquisition(input: {id: "acq-1", acquirerId: "google", targetId: "mistral", announcedOn: "2024-01", sourceIds: ["src-two"]}) { id }
      round: recordFundingRound(input: {id: "round-1", companyId: "anthropic", name: "Series C", announcedOn: "2023-05", postMoneyValuationUsd: 4.1e9, sourceIds: ["src-two"]}) { id }
      ptn: recordPartnership(input: {id: "ptn-1", companyIds: ["anthropic", "aws"], kind: DISTRIBUTION, announcedOn: "2023-09-25", sourceIds: ["src-two"]}) { id }
    }`,
  );
}

describe('Authorization: mutations need the writer key, reads are public', () => {
  let app: TestApp;
  let graph: Awaited<ReturnType<typeof snapshotGraph>>;
  let watchId = '';
  let endpointId = '';
  /** Ids only known at run time: a watch made in the world, and the last updateCompany change (for the revert). */
  const fill = async (mutation: string) => {
    const [last] = await app.db.readRows("MATCH (c:Change {operation: 'updateCompany'}) RETURN c.seq AS seq ORDER BY seq DESC LIMIT 1");
    return mutation.replace('__WATCH__', watchId).replace('__ENDPOINT__', endpointId).replace('__SEQ__', String(last?.seq ?? 1));
  };
  beforeAll(async () => {
    app = await startTestApp({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    await authWorld(app);
    watchId = (await app.watches.create('to remove', 'exposure', { companyId: 'anthropic' }, 'writer-1')).id;
    endpointId = (await ok(app, 'mutation { createWebhookEndpoint(input: {url: "http://127.0.0.1:9/other", description: "to rotate and remove"}) { endpoint { id } } }')).createWebhookEndpoint.endpoint.id;
    graph = await snapshotGraph(app);
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it('covers every mutation of the schema', () => {
    const mutationType = app.schema.getMutationType();
    expect(MUTATIONS.map(([name]) => name).sort()).toEqual(Object.keys(mutationType?.getFields() ?? {}).sort());
  });

  it.each(MUTATIONS)('%s without a key: UNAUTHENTICATED, nothing written', async (_name, mutation) => {
    const result = await app.gql(await fill(mutation));
    expect(firstError(result)).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringContaining('API key') });
    expect(Object.values(result.data ?? {}).filter((value) => value !== null)).toEqual([]);
    expect(await snapshotGraph(app)).toEqual(graph);
  });

  it.each(MUTATIONS)('%s with an unknown key: UNAUTHENTICATED, nothing written', async (_name, mutation) => {
    const result = await app.gql(await fill(mutation), undefined, { key: 'not-a-valid-key' });
    expect(firstError(result)).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringContaining('not valid') });
    expect(await snapshotGraph(app)).toEqual(graph);
  });

  it.each(MUTATIONS)('%s with the reader key: FORBIDDEN, nothing written', async (_name, mutation) => {
    const result = await app.gql(await fill(mutation), undefined, { key: READER_KEY });
    expect(firstError(result)).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    expect(Object.values(result.data ?? {}).filter((value) => value !== null)).toEqual([]);
    expect(await snapshotGraph(app)).toEqual(graph);
  });

  it('an unauthorised mutation with invalid input is still refused for its missing key, not its input', async () => {
    const result = await app.gql('mutation { createCompany(input: {name: "", kind: OTHER}) { id } }');
    expect(firstError(result)?.code).toBe('UNAUTHENTICATED');
    expect(await snapshotGraph(app)).toEqual(graph);
  });

  it('reads are public: every query answers without a key, and with the reader key', async () => {
    const query = `{
      company(id: "anthropic") { id name parent { id } subsidiaries { id } investmentsReceived { id } investmentsMade { id } totalRaisedUsd
        competitors { id } rivalries { id } computeDealsAsCustomer { id relatedInvestment { id } } computeDealsAsProvider { id } }
      companies(first: 100) { totalCount }
      searchCompanies(text: "antropic") { company { id } }
      investment(id: "inv-1") { id }
      investments { totalCount }
      computeDeal(id: "cd-1") { id }
      computeDeals { totalCount }
      rivalry(id: "riv-1") { id }
      rivalries { totalCount }
      subsidiaryLinks { totalCount }
      acquisition(id: "acq-1") { id }
      acquisitions { totalCount }
      fundingRound(id: "round-1") { id }
      fundingRounds { totalCount }
      partnership(id: "ptn-1") { id }
      partnerships { totalCount }
      valuationHistory(companyId: "anthropic") { valuations { round { id } } }
      source(id: "src-one") { id }
      sources { nodes { id } }
    }`;
    const expected = {
      company: {
        id: 'anthropic',
        name: 'Anthropic',
        parent: null,
        subsidiaries: [],
        investmentsReceived: [{ id: 'inv-1' }],
        investmentsMade: [],
        totalRaisedUsd: 1.25e9,
        competitors: [{ id: 'openai' }],
        rivalries: [{ id: 'riv-1' }],
        computeDealsAsCustomer: [{ id: 'cd-1', relatedInvestment: { id: 'inv-1' } }],
        computeDealsAsProvider: [],
      },
      companies: { totalCount: 9 },
      searchCompanies: [{ company: { id: 'anthropic' } }],
      investment: { id: 'inv-1' },
      investments: { totalCount: 1 },
      computeDeal: { id: 'cd-1' },
      computeDeals: { totalCount: 1 },
      rivalry: { id: 'riv-1' },
      rivalries: { totalCount: 1 },
      subsidiaryLinks: { totalCount: 1 },
      acquisition: { id: 'acq-1' },
      acquisitions: { totalCount: 1 },
      fundingRound: { id: 'round-1' },
      fundingRounds: { totalCount: 1 },
      partnership: { id: 'ptn-1' },
      partnerships: { totalCount: 1 },
      valuationHistory: { valuations: [{ round: { id: 'round-1' } }] },
      source: { id: 'src-one' },
      sources: { nodes: expect.arrayContaining([{ id: 'src-one' }, { id: 'src-two' }, { id: 'src-unused' }]) },
    };
    expect(await app.gql(query)).toMatchObject({ data: expected });
    expect((await app.gql(query)).errors).toBeUndefined();
    expect(await app.gql(query, undefined, { key: READER_KEY })).toMatchObject({ data: expected });
  });

  // Last: it writes. Proves the inputs above are valid, so the refusals above are about the key alone.
  it('the writer key runs every one of those mutations successfully', async () => {
    for (const [name, mutation] of MUTATIONS) {
      const result = await app.gql(await fill(mutation), undefined, { key: WRITER_KEY });
      // With no delivery to send again, redeliverWebhook gets past the key to NOT_FOUND: what the writer may do.
      if (name === 'redeliverWebhook') {
        expect(firstError(result)?.code).toBe('NOT_FOUND');
        continue;
      }
      expect({ name, errors: result.errors }).toEqual({ name, errors: undefined });
      expect(result.data?.[name]).toEqual(expect.any(Object));
    }
    expect(await snapshotGraph(app)).not.toEqual(graph);
  });
});
