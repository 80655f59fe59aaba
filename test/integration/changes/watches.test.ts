import { createClient, type Client } from 'graphql-ws/client';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../src/server';
import { startTestApp, testConfig, WRITER_KEY, type TestApp } from '../../support/test-app';
import { AS_WRITER, createCompanies, firstError, ok, recordSources } from '../domain/helpers';
import { CREATE_ENDPOINT, Receiver, waitFor, WEBHOOK_CONFIG } from './webhook-receiver';

// Watches end to end: a standing backersOfCompetitors question on Anthropic alerts, over a subscription, in the
// change log and through a signed webhook, when Nvidia starts backing Mistral AI; bad watches are refused with a code
// and nothing stored.

const CREATE = 'mutation($name: String!, $q: WatchQuestionInput!) { createWatch(name: $name, question: $q) { id name question rows answeredSeq } }';
const RECORD_INVESTMENT = 'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }';
const ALERTS = 'subscription($watchId: ID) { watchAlerts(watchId: $watchId) { id seq watchId watchName lines added } }';

describe('watches', () => {
  let app: TestApp;
  let server: RunningServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp({ WATCHES_PER_KEY: '3', ...WEBHOOK_CONFIG });
    server = await startServer({ ...app.deps, config: testConfig({ PORT: '0' }) });
  });
  beforeEach(async () => {
    await app.reset();
    await app.watches.answerAll();
    await createCompanies(app, [
      { id: 'anthropic', name: 'Anthropic', kind: 'AI_LAB' },
      { id: 'mistral', name: 'Mistral AI', kind: 'AI_LAB' },
      { id: 'nvidia', name: 'Nvidia', kind: 'CHIPMAKER' },
      { id: 'faraway', name: 'Far Away', kind: 'OTHER' },
    ]);
    await recordSources(app, [{ id: 'src-1', url: 'https://example.com/1' }]);
    await ok(app, 'mutation { recordRivalry(input: {companyIds: ["anthropic", "mistral"], market: "frontier-models", since: "2023", sourceIds: ["src-1"]}) { id } }');
  });
  const receivers: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    // No endpoint of one test is served during the next.
    await app.reset();
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  it('alerts "Nvidia now backs Mistral AI, a competitor of Anthropic" through watchAlerts and the change log', async () => {
    const watch = (await ok(app, CREATE, { name: 'Anthropic rivals', q: { backersOfCompetitors: { companyId: 'anthropic' } } })).createWatch;
    expect(watch).toMatchObject({ name: 'Anthropic rivals', question: 'backersOfCompetitors', rows: 0 });
    const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${WRITER_KEY}` }, retryAttempts: 0 });
    clients.push(client);
    const alert = new Promise<Record<string, unknown>>((resolve, reject) => {
      client.subscribe<{ watchAlerts: Record<string, unknown> }>({ query: ALERTS, variables: { watchId: watch.id } }, { next: (value) => (value.errors ? reject(new Error(JSON.stringify(value.errors))) : resolve(value.data?.watchAlerts as Record<string, unknown>)), error: reject, complete: () => undefined });
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await ok(app, RECORD_INVESTMENT, { input: { investorId: 'nvidia', investeeId: 'mistral', amountUsd: 1e8, amountKind: 'PAID', announcedOn: '2024-06-11', status: 'COMPLETED', sourceIds: ['src-1'] } });
    const received = await Promise.race([alert, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no alert within 10 s')), 10000))]);
    console.log(`watch alert ${String(received.id)} reached its subscriber ${Date.now() - started} ms after the write: ${JSON.stringify(received.lines)}`);
    expect(received).toMatchObject({ watchId: watch.id, watchName: 'Anthropic rivals', added: ['nvidia>mistral'] });
    expect((received.lines as string[])[0]).toMatch(/^Nvidia now backs Mistral AI, a competitor of Anthropic \(/);
    const logged = await ok(app, '{ changes(filter: {entityTypes: ["WatchAlert"]}) { nodes { seq entityId kind operation after } } }');
    expect(logged.changes.nodes).toHaveLength(1);
    expect(logged.changes.nodes[0]).toMatchObject({ seq: received.seq, entityId: watch.id, operation: 'watchAlert' });
    // A change outside its reach does not alert; the same answer again alerts nothing.
    await ok(app, 'mutation { updateCompany(id: "faraway", input: {country: "NZ"}) { id } }');
    await app.watches.answerAll();
    expect((await ok(app, '{ changes(filter: {entityTypes: ["WatchAlert"]}) { nodes { seq } } }')).changes.nodes).toHaveLength(1);
  });

  it('follows its reach as it moves: a new rival, then a backer of that rival, alerts once, for the backer', async () => {
    const watch = (await ok(app, CREATE, { name: 'Anthropic rivals', q: { backersOfCompetitors: { companyId: 'anthropic' } } })).createWatch;
    await createCompanies(app, [
      { id: 'newco', name: 'Newco', kind: 'AI_LAB' },
      { id: 'backer', name: 'Far Backer', kind: 'INVESTOR' },
    ]);
    // Newco and Far Backer lie outside the watch's reach until Newco becomes a rival; the rivalry changes no row. The
    // investment is made only once the watch was answered after the rivalry, so it is judged by the moved reach alone.
    const answered = app.watches.stats().reanswers;
    await ok(app, 'mutation { recordRivalry(input: {companyIds: ["anthropic", "newco"], market: "frontier-models", since: "2024", sourceIds: ["src-1"]}) { id } }');
    await waitFor(() => app.watches.stats().reanswers > answered, 10000, 'the watch answered after the rivalry');
    expect((await ok(app, '{ changes(filter: {entityTypes: ["WatchAlert"]}) { nodes { seq } } }')).changes.nodes).toHaveLength(0);
    await ok(app, RECORD_INVESTMENT, { input: { investorId: 'backer', investeeId: 'newco', amountUsd: 5e7, amountKind: 'PAID', announcedOn: '2024-07-01', status: 'COMPLETED', sourceIds: ['src-1'] } });
    await waitFor(async () => (await ok(app, '{ changes(filter: {entityTypes: ["WatchAlert"]}) { nodes { seq } } }')).changes.nodes.length > 0, 10000, 'the alert');
    await app.watches.settled();
    const alerts = (await ok(app, '{ changes(filter: {entityTypes: ["WatchAlert"]}) { nodes { entityId after } } }')).changes.nodes;
    expect(alerts).toHaveLength(1);
    expect(alerts[0].entityId).toBe(watch.id);
    expect(alerts[0].after.lines[0]).toMatch(/^Far Backer now backs Newco, a competitor of Anthropic \(/);
  });

  it('delivers the alert to a webhook registered for the watch, signed so that standardwebhooks verifies it', async () => {
    const watch = (await ok(app, CREATE, { name: 'Anthropic rivals', q: { backersOfCompetitors: { companyId: 'anthropic' } } })).createWatch;
    const receiver = await Receiver.start('ok');
    receivers.push(receiver);
    const registered = (await ok(app, CREATE_ENDPOINT, { input: { url: receiver.url, description: 'alerts of the Anthropic watch', watchId: watch.id } })).createWebhookEndpoint;
    receiver.secrets.push(registered.secret);
    const started = Date.now();
    await ok(app, RECORD_INVESTMENT, { input: { investorId: 'nvidia', investeeId: 'mistral', amountUsd: 1e8, amountKind: 'PAID', announcedOn: '2024-06-11', status: 'COMPLETED', sourceIds: ['src-1'] } });
    // Graph changes made meanwhile (a company) are not this endpoint's: only the watch's alerts are delivered to it.
    await createCompanies(app, [{ id: 'unrelated', name: 'Unrelated', kind: 'OTHER' }]);
    await waitFor(() => receiver.receipts.length >= 1, 20000, 'the alert at the webhook receiver');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [receipt] = receiver.receipts;
    const logged = (await ok(app, '{ changes(filter: {entityTypes: ["WatchAlert"]}) { nodes { seq } } }')).changes.nodes;
    process.stdout.write(`[watches] alert delivered as webhook ${receipt!.webhookId} ${Date.now() - started} ms after the write, verified with the endpoint's secret: ${JSON.stringify((receipt!.data.after as { lines: string[] }).lines)}\n`);
    expect(receiver.receipts).toHaveLength(1);
    expect(receiver.rejected).toEqual([]);
    expect(receipt!.verifiedWith).toEqual([registered.secret]);
    expect(receipt!.webhookId).toBe(`change-${logged[0].seq}`);
    expect(receipt!.data).toMatchObject({ entityType: 'WatchAlert', entityId: watch.id, operation: 'watchAlert' });
    expect((receipt!.data.after as { lines: string[] }).lines[0]).toMatch(/^Nvidia now backs Mistral AI, a competitor of Anthropic \(/);
  });

  it('refuses a watch on an unknown company, a whole-graph question, two questions at once and one past the quota, storing nothing', async () => {
    const count = async () => (await ok(app, '{ watches { id } }')).watches.length;
    const before = await count();
    expect(firstError(await app.gql(CREATE, { name: 'x', q: { exposure: { companyId: 'no-such-company' } } }, AS_WRITER))?.code).toBe('NOT_FOUND');
    expect(firstError(await app.gql(CREATE, { name: 'x', q: { twoSidedBackers: {} } }, AS_WRITER))?.code).toBe('BAD_USER_INPUT');
    expect(firstError(await app.gql(CREATE, { name: 'x', q: { exposure: { companyId: 'nvidia' }, moneyLoops: { companyId: 'nvidia' } } }, AS_WRITER))?.code).toBe('BAD_USER_INPUT');
    expect(firstError(await app.gql(CREATE, { name: 'x', q: { exposure: { companyId: 'nvidia' } } }))?.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
    for (let i = before; i < 3; i += 1) await ok(app, CREATE, { name: `w${i}`, q: { exposure: { companyId: 'nvidia' } } });
    expect(firstError(await app.gql(CREATE, { name: 'one too many', q: { exposure: { companyId: 'nvidia' } } }, AS_WRITER))?.code).toBe('QUOTA_EXCEEDED');
    expect(await count()).toBe(3);
    for (const watch of (await ok(app, '{ watches { id } }')).watches) await ok(app, 'mutation($id: ID!) { removeWatch(id: $id) { deleted } }', { id: watch.id });
  });
});
