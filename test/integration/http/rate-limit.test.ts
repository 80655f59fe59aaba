import WebSocket from 'ws';
import { loadConfig } from '../../../src/config';
import { startServer, type RunningServer } from '../../../src/server';
import { startTestApp, testConfig, type TestApp } from '../../support/test-app';

// Per-caller rate limits on a real server over Neo4j: RATE_LIMIT_RPS=2 and RATE_LIMIT_BURST=3 allow 5 requests at
// once, then 429 RATE_LIMITED with Retry-After. A caller is its API key, else its address; X-Forwarded-For counts only
// from TRUSTED_PROXIES. Each server below has its own limiter (per process, as documented).

const ALICE = 'alice-rate-limit-key-0001';
const BOB = 'bob-rate-limit-key-000002';
const LIMITS = { PORT: '0', RATE_LIMIT_RPS: '2', RATE_LIMIT_BURST: '3', API_KEYS: `alice:${ALICE},bob:${BOB}` };

async function burst(url: string, count: number, headers: (i: number) => Record<string, string>): Promise<Response[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers(i) }, body: JSON.stringify({ query: '{ __typename }' }) }),
    ),
  );
}

const statuses = (answers: Response[]) => answers.map((answer) => answer.status);

describe('rate limits per caller', () => {
  let app: TestApp;
  const servers: RunningServer[] = [];
  const serve = async (overrides: Record<string, string>) => {
    const server = await startServer({ ...app.deps, config: testConfig({ ...LIMITS, ...overrides }) });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await app.close();
  });

  it('is on by default in production only, and off with RATE_LIMIT_RPS=0', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).rateLimit).toEqual({ perSecond: 20, burst: 40 });
    expect(loadConfig({ NODE_ENV: 'development' }).rateLimit).toBeNull();
    expect(loadConfig({ NODE_ENV: 'production', RATE_LIMIT_RPS: '0' }).rateLimit).toBeNull();
    expect(() => loadConfig({ RATE_LIMIT_RPS: '1.5' })).toThrow(/RATE_LIMIT_RPS/);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.example.com' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('a key beyond its burst gets 429 RATE_LIMITED with Retry-After; another key is unaffected; both are counted in /metrics', async () => {
    const server = await serve({});
    const alice = await burst(server.url, 10, () => ({ authorization: `Bearer ${ALICE}` }));
    const refused = alice.filter((answer) => answer.status === 429);
    const first = refused[0] as Response;
    const body = (await first.json()) as { errors: { extensions: Record<string, unknown> }[] };
    console.log(`10 requests at once with one key (2/s, burst 3): ${statuses(alice).join(' ')}; a 429: Retry-After ${first.headers.get('retry-after')}, ${JSON.stringify(body)}`);
    // 5 within one second's window (2 + the burst of 3); a window that turns over mid-burst allows 2 more at most.
    expect(alice.length - refused.length).toBeGreaterThanOrEqual(5);
    expect(alice.length - refused.length).toBeLessThanOrEqual(7);
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: Number(first.headers.get('retry-after')) });
    const bob = await burst(server.url, 1, () => ({ authorization: `Bearer ${BOB}` }));
    console.log(`then one request with another key from the same address: ${statuses(bob).join(' ')}`);
    expect(statuses(bob)).toEqual([200]);
    const metrics = await (await fetch(server.url.replace(/graphql$/, 'metrics'))).text();
    const counted = Number(/^rate_limited_total\{transport="http"\} (\S+)$/m.exec(metrics)?.[1]);
    console.log(`/metrics: rate_limited_total{transport="http"} ${counted}, ${/^graphql_errors_total\{code="RATE_LIMITED"\} \S+$/m.exec(metrics)?.[0]}`);
    expect(counted).toBe(refused.length);
  });

  it('X-Forwarded-For from a peer that is not a trusted proxy is ignored: the caller is the peer', async () => {
    const server = await serve({ TRUSTED_PROXIES: '10.0.0.0/8' });
    const answers = await burst(server.url, 10, (i) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` }));
    console.log(`10 anonymous requests from 127.0.0.1, each claiming another X-Forwarded-For (untrusted peer): ${statuses(answers).join(' ')}`);
    expect(statuses(answers).filter((status) => status === 429).length).toBeGreaterThanOrEqual(3);
  });

  it('from a trusted proxy, X-Forwarded-For names the caller: distinct callers each get their own allowance', async () => {
    const server = await serve({ TRUSTED_PROXIES: '127.0.0.1,::1' });
    const distinct = await burst(server.url, 10, (i) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` }));
    // A caller cannot pick its address by prepending one: the hop the trusted proxy added is the one counted.
    const spoofing = await burst(server.url, 10, (i) => ({ 'x-forwarded-for': `198.51.100.${i + 1}, 203.0.113.200` }));
    console.log(`trusted proxy, 10 distinct callers: ${statuses(distinct).join(' ')}; one caller prepending 10 addresses: ${statuses(spoofing).join(' ')}`);
    expect(statuses(distinct).every((status) => status === 200)).toBe(true);
    expect(statuses(spoofing).filter((status) => status === 429).length).toBeGreaterThanOrEqual(3);
  });

  it('WebSocket connection attempts count too: beyond the limit the upgrade is answered 429', async () => {
    const server = await serve({});
    const url = server.url.replace(/^http/, 'ws');
    const attempt = () =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url, 'graphql-transport-ws');
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
        socket.once('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          socket.terminate();
        });
        socket.once('error', () => resolve(-1));
      });
    const outcomes = await Promise.all(Array.from({ length: 8 }, attempt));
    console.log(`8 WebSocket connection attempts at once from one address: ${outcomes.join(' ')}`);
    expect(outcomes.filter((status) => status === 101).length).toBeGreaterThanOrEqual(5);
    expect(outcomes.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
  });
});
