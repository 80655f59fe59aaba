import { startServer, type RunningServer } from '../../../src/server';
import { startTestApp, testConfig, WRITER_KEY, type TestApp } from '../../support/test-app';

// X-Neo4j-Bookmark on one process over HTTP (the two-worker case is in workers.test.ts): a write's answer carries
// it, a read sending it back is served, and a bookmark ahead of the database answers BOOKMARK_TIMEOUT within the
// transaction timeout and a second, not after Neo4j's own wait (two minutes measured on 5.26).

const TX_TIMEOUT_MS = 2000;

/**
 * A bookmark of the same database a million transactions ahead. Neo4j 5's bookmarks are `FB:` and base64 of a
 * PackStream list: [bytes(16) database id, int last transaction id, [] ]; the test fails plainly if 5.26 changes that.
 */
function aheadOf(bookmark: string): string {
  const bytes = Buffer.from(bookmark.slice(3), 'base64');
  if (!(bookmark.startsWith('FB:') && bytes[0] === 0x91 && bytes[1] === 0xcc && bytes[2] === 0x10 && bytes[bytes.length - 1] === 0x90)) {
    throw new Error(`unexpected bookmark layout: ${bookmark} (${bytes.toString('hex')})`);
  }
  const txId = Buffer.alloc(5);
  txId[0] = 0xca;
  txId.writeInt32BE(1_000_000_000, 1);
  return `FB:${Buffer.concat([bytes.subarray(0, 19), txId, Buffer.from([0x90])]).toString('base64')}`;
}

describe('X-Neo4j-Bookmark', () => {
  let app: TestApp;
  let server: RunningServer;
  const post = (query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });

  beforeAll(async () => {
    app = await startTestApp({ NEO4J_TX_TIMEOUT_MS: String(TX_TIMEOUT_MS) });
    server = await startServer({ ...app.deps, config: testConfig({ PORT: '0', NEO4J_TX_TIMEOUT_MS: String(TX_TIMEOUT_MS) }) });
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  it('a write answers with its bookmark; a read carrying it sees the write; a read writes no bookmark', async () => {
    const id = `bm-${Date.now()}`;
    const write = await post('mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }', { authorization: `Bearer ${WRITER_KEY}` }, { input: { id, name: id, kind: 'OTHER' } });
    const bookmark = write.headers.get('x-neo4j-bookmark') as string;
    const read = await post(`{ company(id: "${id}") { id } }`, { 'x-neo4j-bookmark': bookmark });
    const answer = (await read.json()) as unknown;
    console.log(`write answered x-neo4j-bookmark: ${bookmark}; read with it: ${JSON.stringify(answer)}, its x-neo4j-bookmark: ${read.headers.get('x-neo4j-bookmark')}`);
    expect(bookmark).toMatch(/^FB:/);
    expect(answer).toEqual({ data: { company: { id } } });
    expect(read.headers.get('x-neo4j-bookmark')).toBeNull();
  });

  it('a bookmark the database has not reached answers BOOKMARK_TIMEOUT within the transaction timeout and a second', async () => {
    const write = await post('mutation { createCompany(input: {name: "Bookmark ahead", kind: OTHER}) { id } }', { authorization: `Bearer ${WRITER_KEY}` });
    const ahead = aheadOf(write.headers.get('x-neo4j-bookmark') as string);
    const started = Date.now();
    const read = await post('{ companies(first: 1) { nodes { id } } }', { 'x-neo4j-bookmark': ahead });
    const elapsed = Date.now() - started;
    const answer = (await read.json()) as { errors: { extensions: { code: string } }[] };
    console.log(`bookmark ${ahead} (a billion transactions ahead): ${JSON.stringify(answer.errors[0])} after ${elapsed} ms`);
    expect(answer.errors[0]?.extensions.code).toBe('BOOKMARK_TIMEOUT');
    expect(elapsed).toBeLessThan(TX_TIMEOUT_MS + 1000 + 1500);
    // The process still serves: the abandoned session holds one connection until Neo4j gives up, nothing else.
    expect(((await (await post('{ companies(first: 1) { nodes { id } } }')).json()) as { errors?: unknown }).errors).toBeUndefined();
  });
});
