import { createClient, type Client } from 'graphql-ws/client';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../src/server';
import { startTestApp, testConfig, WRITER_KEY, type TestApp } from '../../support/test-app';
import { AS_WRITER, createCompanies, firstError, ok, recordSources } from '../domain/helpers';

// Watches end to end: a standing backersOfCompetitors question on Anthropic alerts, over a subscription and in the
// change log, when Nvidia starts backing Mistral AI; bad watches are refused with a code and nothing stored.

const CREATE = 'mutation($name: String!, $q: WatchQuestionInput!) { createWatch(name: $name, question: $q) { id name question rows answeredSeq } }';
const RECORD_INVESTMENT = 'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }';
const ALERTS = 'subscription($watchId: ID) { watchAlerts(watchId: $watchId) { id seq watchId watchName lines added } }';

describe('watches', () => {
  let app: TestApp;
  let server: RunningServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp({ WATCHES_PER_KEY: '3' });
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
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
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
