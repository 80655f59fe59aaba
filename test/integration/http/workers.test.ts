import http from 'node:http';
import { buildServer, freePort, spawnServer, type ServerProcess } from '../../support/server-process';
import { WRITER_KEY } from '../../support/test-app';

// API_WORKERS=2: the compiled server as `npm start` runs it, one primary and two workers on one port. Every request
// opens its own connection (no keep-alive), so node:cluster's round robin spreads them over both workers, and each
// answer names the worker that served it (x-worker-pid, outside production only).

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: () => any;
  pid: number;
}

function request(port: number, method: 'GET' | 'POST', path: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const body = payload === undefined ? undefined : JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: () => JSON.parse(text), pid: Number(res.headers['x-worker-pid']) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const gql = (port: number, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  request(port, 'POST', '/graphql', { query, variables }, headers);

/** The value of one series in a Prometheus exposition (0 when absent). */
function series(exposition: string, name: string, labels: string): number {
  const line = exposition.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('API_WORKERS=2: one port, two worker processes', () => {
  let server: ServerProcess;
  let port: number;
  const dbEnv = () => ({ NEO4J_URI: process.env.NEO4J_TEST_URI ?? '', NEO4J_USER: process.env.NEO4J_TEST_USER ?? '', NEO4J_PASSWORD: process.env.NEO4J_TEST_PASSWORD ?? '' });

  beforeAll(async () => {
    buildServer();
    port = await freePort();
    const started = Date.now();
    server = spawnServer({ ...dbEnv(), API_WORKERS: '2', SEED_ON_START: 'false', API_KEYS: WRITER_KEY, LOG_LEVEL: 'info', WEBHOOK_DISPATCH: 'false' }, port);
    await server.waitForLog(/GraphQL ready/, 90000);
    console.log(`primary and 2 workers serving after ${Date.now() - started} ms`);
  }, 120000);
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });

  it('applies the migrations once, in the first worker, before the second starts', () => {
    const applied = server.lines.filter((line) => /migrations applied/.test(line));
    const serving = server.lines.filter((line) => /worker serving/.test(line)).map((line) => JSON.parse(line));
    console.log(`"migrations applied" logged ${applied.length} time(s); workers serving: ${serving.map((s) => `${s.worker} (setup ${s.setup})`).join(', ')}`);
    expect(applied).toHaveLength(1);
    expect(serving.map((s) => s.setup)).toEqual([true, false]);
  });

  it('a read carrying the bookmark of a write made through one worker is served by the other and sees the write', async () => {
    const id = `bookmark-${Date.now()}`;
    const write = await gql(port, 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }', { input: { id, name: `Bookmark ${id}`, kind: 'OTHER' } }, { authorization: `Bearer ${WRITER_KEY}` });
    expect(write.json().errors).toBeUndefined();
    const bookmark = write.headers['x-neo4j-bookmark'] as string;
    expect(bookmark).toMatch(/^\S+$/);
    // Round robin: within a few new connections one lands on the other worker.
    let read: Answer | undefined;
    for (let attempt = 0; attempt < 6 && (read === undefined || read.pid === write.pid); attempt += 1) {
      read = await gql(port, 'query($id: ID!) { company(id: $id) { id name } }', { id }, { 'x-neo4j-bookmark': bookmark });
    }
    console.log(`write served by worker ${write.pid}, bookmark ${bookmark}; read with it served by worker ${read?.pid}: ${read?.body}`);
    expect(read?.pid).not.toBe(write.pid);
    expect(read?.json().data.company).toEqual({ id, name: `Bookmark ${id}` });
    // A read sends no bookmark back: it wrote nothing.
    expect(read?.headers['x-neo4j-bookmark']).toBeUndefined();
  });

  it('a malformed bookmark is BAD_USER_INPUT, and one Neo4j cannot read too, on either worker', async () => {
    const malformed = await gql(port, '{ __typename }', {}, { 'x-neo4j-bookmark': 'not a bookmark!' });
    const foreign = await gql(port, '{ companies(first: 1) { nodes { id } } }', {}, { 'x-neo4j-bookmark': 'FB:kcwQnotreallyabookmarkAAAA' });
    console.log(`malformed: ${malformed.status} ${malformed.body}`);
    console.log(`well-formed but not Neo4j's: ${foreign.status} ${foreign.body}`);
    expect(malformed.status).toBe(400);
    expect(malformed.json().errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'X-Neo4j-Bookmark' });
    expect(foreign.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('/metrics sums both workers', async () => {
    const before = (await request(port, 'GET', '/metrics')).body;
    const served = new Map<number, number>();
    for (let i = 0; i < 10; i += 1) {
      const answer = await gql(port, '{ __typename }');
      expect(answer.status).toBe(200);
      served.set(answer.pid, (served.get(answer.pid) ?? 0) + 1);
    }
    const after = await request(port, 'GET', '/metrics');
    const label = 'route="/graphql",method="POST",status="200"';
    const counted = series(after.body, 'http_requests_total', label) - series(before, 'http_requests_total', label);
    console.log(`10 requests served per worker: ${JSON.stringify(Object.fromEntries(served))}; /metrics (from worker ${after.pid}) counted ${counted}`);
    expect(served.size).toBe(2);
    expect(counted).toBe(10);
    // A process's gauge is not summed: Neo4j is up is 1, not 2.
    expect(Number(/^neo4j_up (\S+)$/m.exec(after.body)?.[1])).toBe(1);
  });

  it('a worker that dies is logged and replaced; SIGTERM stops the workers and the primary cleanly', async () => {
    const victim = (await gql(port, '{ __typename }')).pid;
    process.kill(victim, 'SIGKILL');
    const died = await server.waitForLog(/worker died; starting another/, 10000);
    const servingLogged = () => server.lines.filter((line) => /worker serving/.test(line)).map((line) => JSON.parse(line).worker as number);
    for (const until = Date.now() + 30000; servingLogged().length < 3 && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 200));
    const replaced = servingLogged();
    console.log(`killed worker ${victim}: ${died}; workers that served: ${replaced.join(', ')}`);
    const pids = new Set<number>();
    for (let i = 0; i < 6; i += 1) pids.add((await gql(port, '{ __typename }')).pid);
    expect(pids.has(victim)).toBe(false);
    expect(pids.size).toBe(2);
    server.child.kill('SIGTERM');
    const code = await server.exited;
    console.log(`SIGTERM: primary exited with ${code}; last lines: ${server.lines.slice(-3).join(' | ')}`);
    expect(code).toBe(0);
    expect(server.lines.some((line) => /workers stopped/.test(line))).toBe(true);
  });
});
