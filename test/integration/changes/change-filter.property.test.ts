import fc from 'fast-check';
import { matchesFilter } from '../../../src/changes/change-filter';
import type { ChangeFilter } from '../../../src/changes/change.repository';
import { ChangeKind, type ChangeRecord } from '../../../src/domain/change';
import { int } from '../../../src/neo4j/params';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * A change-log filter has two implementations: the Cypher the `changes` pages run (cypher/changes/) and
 * matchesFilter(), which live subscriptions apply to changes the feed already holds. Drawn changes are stored as the
 * log stores them; for drawn filters, every page statement (all, by company, by entity) must return exactly the
 * stored changes matchesFilter() keeps, in seq order.
 */
const RUNS = Number(process.env.CHANGE_FILTER_PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.CHANGE_FILTER_PROPERTY_SEED ?? 20261206);
const TYPES = ['Company', 'Source', 'Investment', 'Rivalry'];
const COMPANIES = ['a', 'b', 'c', 'd'];
const ACTORS = ['writer-1', 'ops', null];
const IDS = ['e1', 'e2', 'e3'];
const BASE = Date.parse('2026-12-01T00:00:00Z');
const HOUR = 3600 * 1000;

const drawnChange = fc.record({
  entityType: fc.constantFrom(...TYPES),
  entityId: fc.constantFrom(...IDS),
  companyIds: fc.uniqueArray(fc.constantFrom(...COMPANIES), { maxLength: 3 }),
  actor: fc.constantFrom(...ACTORS),
  kind: fc.constantFrom(...Object.values(ChangeKind)),
  hours: fc.integer({ min: 0, max: 240 }),
});

const iso = (hours: number) => new Date(BASE + hours * HOUR).toISOString();

const drawnFilter: fc.Arbitrary<ChangeFilter> = fc.record(
  {
    entityTypes: fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 2 }),
    companyId: fc.constantFrom(...COMPANIES),
    entityId: fc.constantFrom(...IDS),
    actor: fc.constantFrom('writer-1', 'ops'),
    kinds: fc.uniqueArray(fc.constantFrom(...Object.values(ChangeKind)), { minLength: 1, maxLength: 2 }),
    since: fc.integer({ min: -10, max: 250 }).map(iso),
    until: fc.integer({ min: -10, max: 250 }).map(iso),
  },
  { requiredKeys: [] },
);

describe('change filter: Cypher pages and matchesFilter agree', () => {
  let app: TestApp;
  let stored: ChangeRecord[];

  beforeAll(async () => {
    app = await startTestApp();
    await app.reset();
    const drawn = fc.sample(drawnChange, { numRuns: 80, seed: SEED });
    const rows = drawn.map((change, i) => ({ ...change, seq: i + 1, at: iso(change.hours) }));
    await app.db.writeRows(
      `UNWIND $rows AS row
       CREATE (c:Change:Meta {seq: row.seq, group: row.seq, at: datetime(row.at), actor: row.actor, requestId: null, operation: 'test',
               entityType: row.entityType, entityId: row.entityId, entityIds: [], kind: row.kind, companyIds: row.companyIds, revertible: true})
       FOREACH (companyId IN row.companyIds | CREATE (:ChangeTouch:Meta {companyId: companyId, seq: row.seq}))`,
      { rows: rows.map((row) => ({ ...row, seq: int(row.seq) })) },
    );
    stored = (await app.repos.changes.page({ filter: {}, after: null, first: 100, newestFirst: false })).items;
    expect(stored).toHaveLength(80);
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it(`gives the same changes for ${RUNS} drawn filters`, async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(drawnFilter, fc.boolean(), async (filter, newestFirst) => {
        const page = await app.repos.changes.page({ filter, after: null, first: 100, newestFirst });
        const expected = stored.filter((change) => matchesFilter(change, filter)).map((change) => change.seq);
        if (newestFirst) expected.reverse();
        compared += 1;
        expect(page.items.map((change) => change.seq)).toEqual(expected);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`change filter property: ${compared} drawn filters over 80 drawn changes, 0 disagreements (seed ${SEED})`);
  });
});
