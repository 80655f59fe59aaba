import { LIFECYCLE_PROPERTIES } from '../../../src/facts/fact-record';
import { FACTS } from '../../../src/facts/registry';
import { loadDataset } from '../../../src/seed/load-dataset';
import { startTestApp, type TestApp } from '../../support/test-app';
import { graphFingerprint, ok } from '../domain/helpers';

// Change images keep a fact's input, not what derives from it (its timeline): a revert derives that again. For every
// fact type of the seed data, the fact with the most stored properties is removed and the removal reverted, and the
// graph must be the same to the last property, its timeline included; and nothing a fact stores escapes its image.
// Images from before the timeline was stored once held its JSON copy too (RETIRED_FACT_PROPERTIES): never restored.

const REVERT = 'mutation($seq: Int!) { revertChange(seq: $seq) { reverted { seq } } }';

describe('a revert puts back every fact type exactly', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await app.reset();
    await loadDataset(app.repos);
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it.each(FACTS.map((definition) => [definition.name, definition] as const))('%s: removed, reverted, identical', async (_name, definition) => {
    // Facts others link to first (their links go with the removal and must come back), then the fullest.
    const [row] = await app.db.readRows(
      `MATCH (f:\`${definition.name}\`) RETURN f.id AS id, COUNT { (f)<--(:Fact) } AS linkedBy ORDER BY linkedBy DESC, size(keys(f)) DESC, f.id LIMIT 1`,
    );
    const isLinkTarget = FACTS.some((other) => (other.links ?? []).some((link) => link.target === definition.name));
    expect((row?.linkedBy as number) > 0).toBe(isLinkTarget);
    expect(row).toBeDefined();
    const id = row?.id as string;
    const stored = async () => (await app.db.readRows('MATCH (f:Fact {id: $id}) RETURN properties(f) AS props', { id }))[0]?.props as Record<string, unknown>;
    const props = await stored();
    const before = await graphFingerprint(app);
    await ok(app, `mutation($id: ID!) { remove${definition.name}(id: $id) { deleted } }`, { id });
    const removal = (await ok(app, '{ changes(first: 1, newestFirst: true) { nodes { seq entityId kind } } }')).changes.nodes[0];
    expect(removal).toMatchObject({ entityId: id, kind: 'REMOVED' });
    // The image holds everything the fact stored but what derives from its input.
    const [image] = await app.db.readRows('MATCH (:Change {seq: $seq})-[:BEFORE]->(b:ChangeImage) RETURN keys(b) AS keys', { seq: removal.seq });
    const imageKeys = new Set(image?.keys as string[]);
    const derived = new Set<string>(LIFECYCLE_PROPERTIES);
    expect(Object.keys(props).filter((key) => !derived.has(key) && !imageKeys.has(key))).toEqual([]);
    expect([...imageKeys].filter((key) => derived.has(key))).toEqual([]);
    expect(await graphFingerprint(app)).not.toBe(before);
    // An image written before migration 012 also held the timeline's JSON copy: a restore must not bring it back.
    await app.db.writeRows(`MATCH (:Change {seq: $seq})-[:BEFORE]->(b:ChangeImage) SET b.timeline = '{"tlFrom":[]}'`, { seq: removal.seq });
    await ok(app, REVERT, { seq: removal.seq });
    expect(await stored()).toEqual(props);
    expect(await graphFingerprint(app)).toBe(before);
  });

  it('deleteCompany(cascade) of the company whose facts others link to most, reverted, is identical', async () => {
    const [row] = await app.db.readRows(
      'MATCH (c:Company)--(f:Fact)<--(o:Fact) WHERE NOT (c)--(o) RETURN c.id AS id, count(DISTINCT o) AS outside ORDER BY outside DESC, id LIMIT 1',
    );
    expect(row?.outside).toBeGreaterThan(0);
    const before = await graphFingerprint(app);
    await ok(app, 'mutation($id: ID!) { deleteCompany(id: $id, cascade: true) { deleted } }', { id: row?.id });
    const last = (await ok(app, '{ changes(first: 1, newestFirst: true) { nodes { seq group } } }')).changes.nodes[0];
    const updated = (await ok(app, '{ changes(first: 100, newestFirst: true, filter: {kinds: [UPDATED]}) { nodes { group } } }')).changes.nodes;
    // The facts of other companies that lost their link are logged with the deletion, in its group.
    expect(updated.filter((change: { group: number }) => change.group === last.group)).toHaveLength(row?.outside as number);
    await ok(app, REVERT, { seq: last.seq });
    expect(await graphFingerprint(app)).toBe(before);
  });
});
