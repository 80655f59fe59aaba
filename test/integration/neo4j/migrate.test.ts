import { applyMigrations } from '../../../src/neo4j/migrate';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('applyMigrations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is idempotent: a second run changes no constraint or index and records each migration once', async () => {
    const snapshot = async () => (await app.db.readRows('SHOW INDEXES YIELD name RETURN name ORDER BY name')).map((row) => row.name);
    const before = await snapshot();
    const applied = await applyMigrations(app.db, app.catalog);
    expect(applied).toEqual(['backfill/company-rankings', 'backfill/fact-lifecycles', 'migrations/001-constraints', 'migrations/002-indexes', 'migrations/003-fulltext', 'migrations/004-derived-money-edges', 'migrations/005-company-kind-order-indexes', 'migrations/006-facts-as-nodes', 'migrations/007-source-published-index', 'migrations/008-change-log', 'migrations/009-webhooks', 'migrations/010-watches', 'migrations/011-company-identity', 'migrations/012-timeline-stored-once']);
    expect(await snapshot()).toEqual(before);
    const records = await app.db.readRows('MATCH (m:Migration) RETURN m.name AS name, m.checksum AS checksum ORDER BY name');
    expect(records.map((row) => row.name)).toEqual(applied);
    expect(records.every((row) => typeof row.checksum === 'string' && (row.checksum as string).length === 64)).toBe(true);
  });

  it('converts a database whose facts still store their timeline twice (the JSON text goes, the arrays stay)', async () => {
    // Facts as an older version wrote them: the arrays and the same timeline as JSON (a label of their own to clean up).
    await app.db.writeRows("UNWIND range(1, 5) AS i CREATE (:Fact:MigrationProbe {id: 'migration-probe-' + i, tlFrom: ['2024-01-01'], timeline: '{\"tlFrom\":[\"2024-01-01\"]}'})");
    await app.db.writeRows("MATCH (m:Migration {name: 'migrations/012-timeline-stored-once'}) DELETE m");
    await applyMigrations(app.db, app.catalog);
    const [{ twice, arrays }] = await app.db.readRows('MATCH (f:MigrationProbe) RETURN count(f.timeline) AS twice, count(f.tlFrom) AS arrays');
    await app.db.writeRows('MATCH (f:MigrationProbe) DELETE f');
    expect({ twice, arrays }).toEqual({ twice: 0, arrays: 5 });
    const [{ recorded }] = await app.db.readRows("MATCH (m:Migration {name: 'migrations/012-timeline-stored-once'}) RETURN count(m) AS recorded");
    expect(recorded).toBe(1);
  });
});
