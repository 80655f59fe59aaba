/**
 * Migration 006 on a database of the previous shape: test/fixtures/old-shape-seed.json is the seed as the previous
 * release stored it (dumped from main@6dbb59e after `npm run seed`: rivalries, subsidiary links and acquisitions as
 * relationships holding a sourceIds list; investments and compute deals as nodes without the Fact label). Loaded as
 * is, then migrated: no fact, citation, property or derived relationship may be lost, and a second run changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { applyMigrations } from '../../../src/neo4j/migrate';
import { startTestApp, type TestApp } from '../../support/test-app';

interface Fixture {
  migrations: string[];
  nodes: { key: number; labels: string[]; props: Record<string, unknown> }[];
  relationships: { from: number; type: string; to: number; props: Record<string, unknown> }[];
}

const FIXTURE: Fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'old-shape-seed.json'), 'utf8'));
const NAME = /^[A-Z][A-Za-z_]*$/;
const FACT_RELATIONSHIPS = ['COMPETES_WITH', 'SUBSIDIARY_OF', 'ACQUIRED'];
const BOOKKEEPING = ['sourceIds', 'createdAt', 'updatedAt'];

/** A fixture value as the driver writes it: typed values were tagged by the dump. */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const tagged = value as { $int?: string; $date?: string; $datetime?: string };
    if (tagged.$int !== undefined) return neo4j.int(tagged.$int);
    if (tagged.$date !== undefined) {
      const [y, m, d] = tagged.$date.split('-').map(Number);
      return new neo4j.types.Date(y, m, d);
    }
    if (tagged.$datetime !== undefined) return neo4j.types.DateTime.fromStandardDate(new Date(tagged.$datetime));
  }
  return value;
}

const decodeProps = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, decode(v)]));
/** A fixture value as a read returns it (integers as numbers, dates as ISO days). */
const plain = (props: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(props, (_k, v) => (v && typeof v === 'object' && '$int' in v ? Number(v.$int) : v && typeof v === 'object' && '$date' in v ? v.$date : v)));

/** Writes the fixture as it was stored: nodes per label set, relationships per type (names checked, values as parameters). */
async function loadFixture(app: TestApp): Promise<void> {
  const byLabels = new Map<string, Fixture['nodes']>();
  for (const node of FIXTURE.nodes) byLabels.set(node.labels.join(':'), [...(byLabels.get(node.labels.join(':')) ?? []), node]);
  for (const [labels, nodes] of byLabels) {
    if (!labels.split(':').every((label) => NAME.test(label))) throw new Error(`unexpected label ${labels}`);
    await app.db.writeRows(`UNWIND $rows AS row CREATE (n:${labels}) SET n = row.props, n.fixtureKey = row.key`, {
      rows: nodes.map((node) => ({ key: node.key, props: decodeProps(node.props) })),
    });
  }
  await app.db.writeRows('CREATE INDEX fixture_company_key IF NOT EXISTS FOR (n:Company) ON (n.fixtureKey)');
  const byType = new Map<string, Fixture['relationships']>();
  for (const rel of FIXTURE.relationships) byType.set(rel.type, [...(byType.get(rel.type) ?? []), rel]);
  for (const [type, rels] of byType) {
    if (!NAME.test(type)) throw new Error(`unexpected relationship type ${type}`);
    await app.db.writeRows(`UNWIND $rows AS row MATCH (a {fixtureKey: row.from}) MATCH (b {fixtureKey: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props`, {
      rows: rels.map((rel) => ({ from: rel.from, to: rel.to, props: decodeProps(rel.props) })),
    });
  }
  await app.db.writeRows('MATCH (n) WHERE n.fixtureKey IS NOT NULL REMOVE n.fixtureKey');
  await app.db.writeRows('DROP INDEX fixture_company_key IF EXISTS');
}

async function counts(app: TestApp): Promise<Record<string, number>> {
  const [row] = await app.db.readRows(
    `CALL () { MATCH (f) WHERE f:Investment OR f:ComputeDeal OR f:Fact RETURN count(DISTINCT f) AS factNodes }
     CALL () { MATCH ()-[r:COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED]->() WHERE r.sourceIds IS NOT NULL RETURN count(r) AS factRelationships, sum(size(r.sourceIds)) AS listedCitations }
     CALL () { MATCH ()-[c:CITES]->() RETURN count(c) AS cites }
     CALL () { MATCH ()-[r:INVESTED_IN]->() RETURN count(r) AS investedIn }
     CALL () { MATCH ()-[r:SUPPLIES_COMPUTE]->() RETURN count(r) AS suppliesCompute }
     CALL () { MATCH ()-[r:COMPETES_WITH]->() RETURN count(r) AS competesWith }
     CALL () { MATCH ()-[r:SUBSIDIARY_OF]->() RETURN count(r) AS subsidiaryOf }
     CALL () { MATCH ()-[r:ACQUIRED]->() RETURN count(r) AS acquired }
     RETURN factNodes + factRelationships AS facts, cites + listedCitations AS citations, investedIn, suppliesCompute, competesWith, subsidiaryOf, acquired`,
  );
  return row as Record<string, number>;
}

describe('migration 006 on a database of the previous shape', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.reset();
    // The database as the previous release left it: its migrations recorded, the newer ones not yet.
    await app.db.writeRows('MATCH (m:Migration) WHERE NOT m.name IN $names DELETE m', { names: FIXTURE.migrations });
    await loadFixture(app);
  }, 120_000);
  afterAll(async () => {
    await app.reset();
    await applyMigrations(app.db, app.catalog);
    await app.close();
  });

  it('keeps every fact, citation, property and derived relationship, and a second run changes nothing', async () => {
    const before = await counts(app);
    expect(before.facts).toBe(96 + 31 + 38 + 9 + 9);
    const applied = await applyMigrations(app.db, app.catalog);
    expect(applied).toContain('migrations/006-facts-as-nodes');
    const after = await counts(app);
    const [facts] = await app.db.readRows('MATCH (f:Fact) RETURN count(f) AS n');
    process.stdout.write(`migration 006 on the old-shape seed: before ${JSON.stringify(before)}\n  after ${JSON.stringify({ ...after, factNodes: facts.n })}\n`);
    expect(facts.n).toBe(before.facts);
    expect(after.citations).toBe(before.citations);
    for (const type of ['investedIn', 'suppliesCompute', 'competesWith', 'subsidiaryOf', 'acquired']) expect(after[type]).toBe(before[type]);
    const [{ leftover }] = await app.db.readRows('MATCH ()-[r:COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED]->() WHERE r.sourceIds IS NOT NULL RETURN count(r) AS leftover');
    expect(leftover).toBe(0);
    const [{ recorded }] = await app.db.readRows("MATCH (m:Migration {name: 'migrations/006-facts-as-nodes'}) RETURN count(m) AS recorded");
    expect(recorded).toBe(1);
    // Every fact of the older database got its stored timeline, and every derived relationship its scope properties.
    const [{ bare }] = await app.db.readRows('MATCH (f:Fact) WHERE f.tlFrom IS NULL OR f.knownOn IS NULL OR f.confidenceRank IS NULL RETURN count(f) AS bare');
    expect(bare).toBe(0);
    const [{ bareEdges }] = await app.db.readRows('MATCH ()-[e:INVESTED_IN|SUPPLIES_COMPUTE|COMPETES_WITH|SUBSIDIARY_OF|ACQUIRED]->() WHERE e.knownOn IS NULL RETURN count(e) AS bareEdges');
    expect(bareEdges).toBe(0);
    // Its one state (after the unknown one) holds the $4B commitment: tlMoney is [paid, committed, ...] per state.
    const [amazon] = await app.db.readRows("MATCH (f:Investment {id: 'inv-amazon-anthropic-2024-11'}) RETURN f.tlStatus AS status, f.tlMoney[7] AS committed");
    expect(amazon).toMatchObject({ status: ['UNKNOWN', 'COMPLETED'], committed: 4e9 });
    await applyMigrations(app.db, app.catalog);
    expect(await counts(app)).toEqual(after);
  });

  it('each relationship fact became a node with its properties, companies and citations', async () => {
    const old = FIXTURE.relationships.filter((rel) => FACT_RELATIONSHIPS.includes(rel.type) && rel.props.sourceIds);
    const companyId = new Map(FIXTURE.nodes.filter((n) => n.labels.includes('Company')).map((n) => [n.key, n.props.id as string]));
    const rows = await app.db.readRows(
      `MATCH (f:Fact) WHERE f:Rivalry OR f:SubsidiaryLink OR f:Acquisition
       RETURN f.id AS id, properties(f) AS props, [(f)-[:CITES]->(s) | s.id] AS sources, [(f)--(c:Company) | c.id] AS companies`,
    );
    const byId = new Map(rows.map((row) => [row.id as string, row]));
    expect(byId.size).toBe(old.length);
    for (const rel of old) {
      const node = byId.get(rel.props.id as string) as Record<string, unknown>;
      expect(node).toBeDefined();
      const expected = Object.fromEntries(Object.entries(plain(rel.props)).filter(([k]) => !BOOKKEEPING.includes(k)));
      const stored = Object.fromEntries(Object.entries(node.props as Record<string, unknown>).filter(([k]) => k in expected));
      expect(stored).toEqual(expected);
      expect([...(node.sources as string[])].sort()).toEqual([...(rel.props.sourceIds as string[])].sort());
      expect([...(node.companies as string[])].sort()).toEqual([companyId.get(rel.from), companyId.get(rel.to)].sort());
    }
  });

  it('answers through the API as the previous release did', async () => {
    const result = await app.gql<{ rivalries: { totalCount: number }; subsidiaryLinks: { totalCount: number }; acquisitions: { totalCount: number }; company: { competitors: { id: string }[]; parent: { id: string } | null } }>(
      '{ rivalries { totalCount } subsidiaryLinks { totalCount } acquisitions { totalCount } company(id: "aws") { competitors { id } parent { id } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ rivalries: { totalCount: 38 }, subsidiaryLinks: { totalCount: 9 }, acquisitions: { totalCount: 9 }, company: { parent: { id: 'amazon' } } });
    expect(result.data!.company.competitors.length).toBeGreaterThan(0);
  });
});
