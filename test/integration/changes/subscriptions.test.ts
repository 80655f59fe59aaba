import { createClient as createWsClient, type Client } from 'graphql-ws/client';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../src/server';
import { testConfig, startTestApp, WRITER_KEY, type TestApp } from '../../support/test-app';
import { createCompanies, ok } from '../domain/helpers';

// Subscriptions to the change log over both transports: live changes arrive in order, a client that resumes with its
// last seq gets everything it missed exactly once, filters apply, and abusive subscriptions are refused with a code.

const SUBSCRIBE = 'subscription($after: String, $filter: ChangeFilterInput) { changes(after: $after, filter: $filter) { seq entityType entityId kind actor } }';

interface Received {
  seq: number;
  entityType: string;
  entityId: string;
  kind: string;
  actor: string | null;
}

/** Collects a subscription's events until `count` arrived (or an error). */
function collect(client: Client, variables: Record<string, unknown>, count: number): { done: Promise<Received[]>; received: Received[]; errors: unknown[]; stop: () => void } {
  const received: Received[] = [];
  const errors: unknown[] = [];
  let stop = () => undefined as void;
  const done = new Promise<Received[]>((resolve, reject) => {
    stop = client.subscribe<{ changes: Received }>(
      { query: SUBSCRIBE, variables },
      {
        next: (value) => {
          if (value.errors) {
            errors.push(...value.errors);
            resolve(received);
            return;
          }
          received.push(value.data?.changes as Received);
          if (received.length >= count) resolve(received);
        },
        error: (error) => {
          errors.push(error);
          reject(error);
        },
        complete: () => resolve(received),
      },
    );
  });
  return { done, received, errors, stop: () => stop() };
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

describe('change subscriptions', () => {
  let app: TestApp;
  let server: RunningServer;
  let wsUrl: string;
  let httpBase: string;
  const clients: Client[] = [];

  const wsClient = (authorization?: string) => {
    const client = createWsClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: authorization ? { authorization } : {}, retryAttempts: 0, lazy: true });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    app = await startTestApp();
    server = await startServer({ ...app.deps, config: testConfig({ PORT: '0', SUBSCRIPTIONS_MAX_PER_CONNECTION: '2' }) });
    httpBase = server.url.replace(/\/graphql$/, '');
    wsUrl = server.url.replace(/^http/, 'ws');
  });
  beforeEach(async () => {
    await app.reset();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  it('delivers live changes over WebSocket in order, each once, with the actor for a keyed caller', async () => {
    const sub = collect(wsClient(`Bearer ${WRITER_KEY}`), {}, 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await createCompanies(app, [
      { id: 'a', name: 'A', kind: 'AI_LAB' },
      { id: 'b', name: 'B', kind: 'AI_LAB' },
      { id: 'c', name: 'C', kind: 'AI_LAB' },
    ]);
    const got = await within(sub.done, 5000, 'three changes');
    console.log(`three writes reached a WebSocket subscriber in ${Date.now() - started} ms`);
    expect(got.map((c) => c.entityId)).toEqual(['a', 'b', 'c']);
    expect(got.map((c) => c.seq)).toEqual([got[0]!.seq, got[0]!.seq + 1, got[0]!.seq + 2]);
    expect(got.every((c) => c.kind === 'CREATED' && c.actor === 'writer-1')).toBe(true);
  });

  it('replays from a seq then goes live, with a filter, so a client that reconnects misses nothing', async () => {
    await createCompanies(app, [
      { id: 'a', name: 'A', kind: 'AI_LAB' },
      { id: 'b', name: 'B', kind: 'AI_LAB' },
    ]);
    const head = await app.lastChange();
    const sub = collect(wsClient(), { after: String(head - 2), filter: { companyId: 'b' } }, 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await ok(app, 'mutation { updateCompany(id: "a", input: {country: "FR"}) { id } }');
    await ok(app, 'mutation { updateCompany(id: "b", input: {country: "US"}) { id } }');
    const got = await within(sub.done, 5000, 'replayed and live changes');
    expect(got.map((c) => [c.entityId, c.kind])).toEqual([
      ['b', 'CREATED'],
      ['b', 'UPDATED'],
    ]);
    expect(got[0]?.actor).toBeNull();
  });

  it('serves the same feed over SSE (graphql-sse, distinct connections)', async () => {
    const client = createSseClient({ url: `${httpBase}/graphql/stream`, headers: { authorization: `Bearer ${WRITER_KEY}` }, retryAttempts: 0 });
    const received: Received[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ changes: Received }>(
        { query: SUBSCRIBE, variables: {} },
        {
          next: (value) => {
            received.push(value.data?.changes as Received);
            if (received.length === 2) resolve();
          },
          error: reject,
          complete: () => resolve(),
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await createCompanies(app, [
      { id: 'x', name: 'X', kind: 'AI_LAB' },
      { id: 'y', name: 'Y', kind: 'AI_LAB' },
    ]);
    await within(done, 5000, 'two SSE events');
    client.dispose();
    expect(received.map((c) => c.entityId)).toEqual(['x', 'y']);
  });

  it('refuses bad input and too many subscriptions on one connection with codes', async () => {
    const client = wsClient();
    const bad = collect(client, { after: 'yesterday' }, 1);
    await within(bad.done.catch(() => undefined), 5000, 'refusal');
    expect(JSON.stringify(bad.errors)).toContain('BAD_USER_INPUT');
    const deep = collect(client, {}, 1);
    const third = collect(client, {}, 1);
    const fourth = collect(client, {}, 1);
    await within(fourth.done.catch(() => undefined), 5000, 'the limit');
    expect(JSON.stringify(fourth.errors)).toContain('QUERY_LIMIT_EXCEEDED');
    deep.stop();
    third.stop();
  });

  it('refuses a WebSocket from a page of another origin, and accepts its own origin', async () => {
    const open = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers: { origin } });
        socket.on('open', () => {
          socket.close();
          resolve('open');
        });
        socket.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        socket.on('error', () => resolve('error'));
      });
    expect(await open('https://evil.example')).toBe('403');
    expect(await open(httpBase)).toBe('open');
  });
});
