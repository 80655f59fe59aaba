import { createDriver } from '../../src/neo4j/driver';
import { answerOf, differences, extractOurs, extractPeer, OURS_NESTED, PEER_NESTED, type NestedAnswer, type RawNestedCompany } from './nested-queries';

/**
 * Checks that our server and the `@neo4j/graphql` peer answer the benchmark's nested query with the same data, and
 * that both match the database read directly (so two servers agreeing on a wrong answer is caught too).
 * Env: OURS_URL, PEER_URL (the /graphql endpoints), NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD. Exits 1 on a mismatch.
 */

/**
 * The same 20 AI labs read straight from the graph, in the selected shape. Like our API, an investment counts only
 * with an investor. Kept inline: it is a test oracle for this script, not an application statement.
 */
const GROUND_TRUTH = `
MATCH (c:Company {kind: 'AI_LAB'})
WITH c ORDER BY c.id LIMIT 20
RETURN c.id AS id, c.name AS name,
       [(c)<-[:INTO]-(i:Investment)<-[:MADE]-(x:Company) |
         {id: i.id, amountUsd: i.amountUsd, announcedOn: toString(i.announcedOn), investor: {id: x.id}}] AS investmentsReceived,
       [(c)-[:COMPETES_WITH]-(o:Company) | {id: o.id}] AS competitors
ORDER BY id`;

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}

async function post(url: string, query: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  return response.json();
}

async function fromDatabase(): Promise<NestedAnswer> {
  const driver = createDriver({ uri: required('NEO4J_URI'), user: required('NEO4J_USER'), password: required('NEO4J_PASSWORD'), maxPoolSize: 1 });
  try {
    const { records } = await driver.executeQuery(GROUND_TRUTH, {}, { routing: 'READ' });
    return answerOf(records.map((record) => record.toObject() as RawNestedCompany));
  } finally {
    await driver.close();
  }
}

/**
 * Competitor entries the peer listed more than once, one per COMPETES_WITH relationship between a pair (7.6 lists
 * each once; this notices if a library version stops doing so).
 */
function duplicateCompetitors(peerBody: unknown): number {
  const companies = (peerBody as { data: { companies: RawNestedCompany[] } }).data.companies;
  return companies.reduce((sum, c) => sum + c.competitors.length - new Set(c.competitors.map((o) => o.id)).size, 0);
}

function report(label: string, lines: readonly string[]): boolean {
  process.stdout.write(lines.length === 0 ? `SAME     ${label}\n` : `DIFFER   ${label}\n${lines.map((line) => `  ${line}\n`).join('')}`);
  return lines.length === 0;
}

async function main(): Promise<void> {
  const [oursBody, peerBody, database] = await Promise.all([post(required('OURS_URL'), OURS_NESTED), post(required('PEER_URL'), PEER_NESTED), fromDatabase()]);
  const ours = extractOurs(oursBody);
  const peer = extractPeer(peerBody);
  const investments = ours.companies.reduce((sum, c) => sum + c.investmentIds.length, 0);
  const competitors = ours.companies.reduce((sum, c) => sum + c.competitorIds.length, 0);
  process.stdout.write(`ours: ${ours.companyIds.length} companies, ${investments} investments, ${competitors} competitor links\n`);
  const results = [
    report('ours vs peer', differences(ours, peer)),
    report('ours vs database', differences(ours, database)),
    report('peer vs database', differences(peer, database)),
  ];
  const duplicates = duplicateCompetitors(peerBody);
  if (duplicates > 0) process.stdout.write(`note: the peer listed ${duplicates} competitor(s) twice (a pair rivalling in several markets); ours lists each once\n`);
  process.exitCode = results.every(Boolean) ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`peer check failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
