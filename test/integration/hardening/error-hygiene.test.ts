import { createLogger } from '../../../src/platform/logger';
import { startServer, type RunningServer } from '../../../src/server';
import { startTestApp, testConfig, WRITER_KEY, type TestApp } from '../../support/test-app';

/** Anything a response must never carry: stack frames, Cypher, Neo4j status codes, where the database lives. */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|node_modules/],
  ['stacktrace extension', /stacktrace/i],
  ['Cypher', /\b(MATCH|MERGE|UNWIND|DETACH DELETE|RETURN)\s*[(a-z]/],
  ['Neo4j status code', /Neo\.(ClientError|TransientError|DatabaseError)/],
  ['database address', /bolt:\/\/|neo4j:\/\/|127\.0\.0\.1|localhost|:7687|:7688/],
];

function expectClean(label: string, text: string): void {
  for (const [what, pattern] of LEAKS) {
    if (pattern.test(text)) throw new Error(`${label}: response leaks a ${what}: ${text.slice(0, 400)}`);
  }
}

describe('error hygiene', () => {
  let app: TestApp;
  let server: RunningServer;
  let base: string;
  const logged: Record<string, unknown>[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const logger = createLogger('trace', { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) });
    server = await startServer({ ...app.deps, logger, config: testConfig({ PORT: '0', MAX_QUERY_COMPLEXITY: '300' }) });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });
  beforeEach(() => app.reset());

  const send = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, text: await response.text() };
  };
  const gql = (query: string, variables?: Record<string, unknown>, key?: string) =>
    send(JSON.stringify({ query, variables }), key ? { authorization: `Bearer ${key}` } : {});

  it('answers every kind of bad request with a code and nothing internal', async () => {
    const cases: [string, Promise<{ status: number; text: string }>, string][] = [
      ['malformed JSON', send('{"query": "{ __typename "'), 'BAD_REQUEST'],
      ['oversized body', send(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(200_000)}` })), 'PAYLOAD_TOO_LARGE'],
      ['syntax error', gql('{ company(id: "x") { id '), 'GRAPHQL_PARSE_FAILED'],
      ['unknown field', gql('{ company(id: "x") { secret } }'), 'GRAPHQL_VALIDATION_FAILED'],
      ['wrong variable type', gql('query($n: Int) { companies(first: $n) { totalCount } }', { n: 'ten' }), 'BAD_USER_INPUT'],
      ['impossible date', gql('{ company(id: "x") { investmentsReceived(asOf: "2024-02-30") { id } } }'), 'BAD_USER_INPUT'],
      ['unknown company', gql('mutation { recordInvestment(input: { investorId: "nobody", investeeId: "nothing", amountKind: PAID, announcedOn: "2024-01" , sources: [{ url: "https://example.com/a", publisher: "P", title: "T" }] }) { id } }', {}, WRITER_KEY), 'BAD_USER_INPUT'],
      ['injection string', gql('query($id: ID!) { company(id: $id) { id } }', { id: '"}) DETACH DELETE n //' }), ''],
      ['anonymous write', gql('mutation { deleteCompany(id: "x") { deleted } }'), 'UNAUTHENTICATED'],
      ['too many aliases', gql(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: company(id: "x") { id }`).join(' ')} }`), 'QUERY_LIMIT_EXCEEDED'],
      ['too costly', gql('{ a: companies(first: 100) { edges { node { competitors { id } investmentsReceived { id } } } } b: companies(first: 100) { edges { node { competitors { id } investmentsMade { id } } } } }'), 'QUERY_LIMIT_EXCEEDED'],
    ];
    for (const [label, pending, code] of cases) {
      const { status, text } = await pending;
      expectClean(label, text);
      expect({ label, serverFault: status >= 500 }).toEqual({ label, serverFault: false });
      const errors = (JSON.parse(text) as { errors?: { extensions: { code: string } }[] }).errors ?? [];
      if (code) expect({ label, codes: errors.map((e) => e.extensions.code) }).toEqual({ label, codes: [code] });
    }
  });

  it('masks a real database failure as INTERNAL_SERVER_ERROR whose correlation id leads to the full error in the log', async () => {
    // A genuine failure inside Neo4j that the API does not expect: the full-text index the search relies on is gone.
    await app.db.writeRows('DROP INDEX company_names IF EXISTS');
    try {
      const { status, text } = await gql('{ searchCompanies(text: "anthropic") { company { id } } }');
      expect(status).toBe(200);
      expectClean('missing index', text);
      const [error] = (JSON.parse(text) as { errors: { message: string; extensions: { code: string; correlationId: string } }[] }).errors;
      expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.extensions.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(error.message).toContain(error.extensions.correlationId);

      const entry = logged.find((line) => line.correlationId === error.extensions.correlationId);
      expect(entry).toBeDefined();
      const err = entry!.err as { message: string; stack: string; code?: string };
      expect(err.message).toMatch(/company_names/);
      expect(err.stack).toBeTruthy();
      expect(err.code).toMatch(/^Neo\./);
    } finally {
      await app.db.writeRows('CREATE FULLTEXT INDEX company_names IF NOT EXISTS FOR (c:Company) ON EACH [c.name, c.aliases, c.formerNames]');
      await app.db.writeRows('CALL db.awaitIndexes(60)');
    }
  });

  it('never writes an API key or password to the log', async () => {
    await gql('mutation { deleteCompany(id: "missing") { deleted } }', {}, WRITER_KEY);
    await gql('mutation { deleteCompany(id: "missing") { deleted } }', {}, 'a-wrong-key');
    const all = JSON.stringify(logged);
    for (const secret of [WRITER_KEY, 'a-wrong-key', process.env.NEO4J_TEST_PASSWORD ?? 'test-password']) expect(all).not.toContain(secret);
  });
});
