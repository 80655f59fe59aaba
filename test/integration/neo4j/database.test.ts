import { startTestApp, type TestApp } from '../../support/test-app';
import { withQueryStats } from '../../../src/neo4j/query-stats';

describe('Database against a real Neo4j', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });
  beforeEach(() => app.reset());

  it('runs real Cypher: create, read back with plain values, constraint violation rejected as CONFLICT', async () => {
    await app.db.writeRows('CREATE (:Company {id: $id, name: $name, founded: 2021, aliases: $aliases, seen: date($seen)})', {
      id: 'anthropic',
      name: 'Anthropic',
      aliases: ['Anthropic PBC'],
      seen: '2023-09-25',
    });
    const rows = await app.db.readRows('MATCH (c:Company {id: $id}) RETURN c AS company, c.founded AS founded, c.seen AS seen', { id: 'anthropic' });
    expect(rows).toEqual([
      { company: { id: 'anthropic', name: 'Anthropic', founded: 2021, aliases: ['Anthropic PBC'], seen: '2023-09-25' }, founded: 2021, seen: '2023-09-25' },
    ]);
    await expect(app.db.writeRows('CREATE (:Company {id: $id, name: $name})', { id: 'anthropic', name: 'Duplicate' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await app.counts()).toEqual({ nodes: 1, relationships: 0 });
  });

  it('rolls back the whole transaction when any statement fails', async () => {
    await app.db.writeRows('CREATE (:Company {id: "a", name: "A"})');
    await expect(
      app.db.write(async (tx) => {
        await tx.rows('CREATE (:Company {id: "b", name: "B"})');
        await tx.rows('CREATE (:Company {id: "a", name: "again"})');
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await app.counts()).toEqual({ nodes: 1, relationships: 0 });
  });

  it('counts one round trip per statement inside a request scope', async () => {
    const stats = { roundTrips: 0 };
    await withQueryStats(stats, async () => {
      await app.db.readRows('RETURN 1');
      await app.db.read(async (tx) => {
        await tx.rows('RETURN 1');
        await tx.rows('RETURN 2');
      });
    });
    expect(stats.roundTrips).toBe(3);
  });

  it('has applied the migrations: id constraints, indexes and the full-text index exist', async () => {
    const constraints = (await app.db.readRows('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names'))[0].names as string[];
    expect(constraints).toEqual(expect.arrayContaining(['company_id', 'investment_id', 'compute_deal_id', 'source_id', 'rivalry_id', 'subsidiary_id', 'acquisition_id']));
    const indexes = (await app.db.readRows("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN collect(name) AS names"))[0].names as string[];
    expect(indexes).toEqual(expect.arrayContaining(['company_kind', 'company_kind_id', 'company_kind_name_lower', 'investment_announced', 'company_names']));
  });
});
