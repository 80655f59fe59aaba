import { createClient, type Client } from 'graphql-ws/client';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../src/server';
import { startTestApp, testConfig, WRITER_KEY, type TestApp } from '../../support/test-app';
import { createCompanies, ok, recordSources } from '../domain/helpers';

// Two API processes on one Neo4j, as behind a load balancer (two applications, each with its own driver, feed and
// watch engine): a write through one reaches the subscribers of the other, in order, and a watch both processes
// hold alerts once.

function collect(client: Client, query: string, variables: Record<string, unknown>, count: number): Promise<Record<string, unknown>[]> {
  const received: Record<string, unknown>[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe<Record<string, Record<string, unknown>>>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) return reject(new Error(JSON.stringify(value.errors)));
          received.push(Object.values(value.data ?? {})[0] as Record<string, unknown>);
          if (received.length >= count) resolve(received);
        },
        error: reject,
        complete: () => resolve(received),
      },
    );
  });
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms).unref())]);
}

describe('two API processes on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let serverB: RunningServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
    serverB = await startServer({ ...b.deps, config: testConfig({ PORT: '0' }) });
    await a.reset();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await serverB.stop();
    await b.close();
    await a.close();
  });

  it('a write through one process reaches the subscribers of the other, in order, each once; a watch alerts once', async () => {
    await createCompanies(a, [
      { id: 'anthropic', name: 'Anthropic', kind: 'AI_LAB' },
      { id: 'mistral', name: 'Mistral AI', kind: 'AI_LAB' },
      { id: 'nvidia', name: 'Nvidia', kind: 'CHIPMAKER' },
    ]);
    await recordSources(a, [{ id: 'src-1', url: 'https://example.com/1' }]);
    await ok(a, 'mutation { recordRivalry(input: {companyIds: ["anthropic", "mistral"], market: "frontier-models", since: "2023", sourceIds: ["src-1"]}) { id } }');
    // Made through A; B reads the watches again within two seconds and answers after changes too.
    const watch = (await ok(a, 'mutation { createWatch(name: "rivals", question: {backersOfCompetitors: {companyId: "anthropic"}}) { id } }')).createWatch;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const client = createClient({ url: serverB.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${WRITER_KEY}` }, retryAttempts: 0 });
    clients.push(client);
    const changes = collect(client, 'subscription { changes(filter: {entityTypes: ["Company"]}) { seq entityId } }', {}, 5);
    const alerts = collect(client, 'subscription($id: ID) { watchAlerts(watchId: $id) { id lines } }', { id: watch.id }, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) await createCompanies(a, [{ id, name: id.toUpperCase(), kind: 'OTHER' }]);
    const got = await within(changes, 5000, 'five changes made through the other process');
    console.log(`5 writes through process A reached a subscriber of process B by ${Date.now() - started} ms after the first`);
    expect(got.map((change) => change.entityId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(got.map((change) => change.seq)).toEqual([...got.map((change) => change.seq as number)].sort((x, y) => x - y));
    await ok(a, 'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }', {
      input: { investorId: 'nvidia', investeeId: 'mistral', amountUsd: 1e8, amountKind: 'PAID', announcedOn: '2024-06-11', status: 'COMPLETED', sourceIds: ['src-1'] },
    });
    const [alert] = await within(alerts, 10000, 'the alert');
    expect((alert?.lines as string[])[0]).toMatch(/^Nvidia now backs Mistral AI, a competitor of Anthropic/);
    await a.watches.settled();
    await b.watches.settled();
    const logged = await ok(a, `{ changes(filter: {entityTypes: ["WatchAlert"]}) { nodes { seq actor after } } }`);
    console.log(`WatchAlert changes logged with two processes answering the watch: ${logged.changes.nodes.length}`);
    expect(logged.changes.nodes).toHaveLength(1);
  });
});
