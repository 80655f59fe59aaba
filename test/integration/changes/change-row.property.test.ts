import fc from 'fast-check';
import neo4j from 'neo4j-driver';
import { toChangeRecord } from '../../../src/changes/change.repository';
import { CypherCatalog } from '../../../src/neo4j/cypher-catalog';
import { toPlain } from '../../../src/neo4j/to-plain';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * A change's time and images leave Neo4j as text where Cypher can give it (cypher/changes/fragments/change-row) and
 * are read back by toChangeRecord; before, they left as values the driver converted (toPlain). Both must give the
 * same record. Drawn images mix what facts store: text, numbers, lists, dates, and date-times at offset zero, at
 * another offset and in a named zone, with and without a fraction, in and beyond years 0-9999; each is stored, read
 * both ways in one transaction and rolled back.
 */
const RUNS = Number(process.env.CHANGE_ROW_PROPERTY_RUNS ?? 100);
const SEED = Number(process.env.CHANGE_ROW_PROPERTY_SEED ?? 20261207);

const dateParts = { year: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 9999 }) }, fc.integer({ min: -3000, max: 20000 })), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) };
const timeParts = {
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
  nanosecond: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999 }).map((ms) => ms * 1e6), fc.integer({ min: 0, max: 999999999 })),
  timezone: fc.constantFrom('Z', 'Z', '+02:00', '-05:30', 'Europe/Paris'),
};
/** Temporal parts as Cypher integers (a JavaScript number reaches Cypher as a float). */
const ints = (parts: Record<string, unknown> | null) => (parts === null ? null : Object.fromEntries(Object.entries(parts).map(([key, value]) => [key, typeof value === 'number' ? neo4j.int(value) : value])));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const drawnImage = fc.record({
  plain: fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 8 }),
      note: fc.oneof(fc.string(), fc.constant('2024-01-01T10:20:30.5Z')),
      amountUsd: fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }), fc.double({ min: 0, max: 1e12, noNaN: true })),
      aliases: fc.array(fc.string(), { maxLength: 3 }),
      active: fc.boolean(),
    },
    { requiredKeys: ['id'] },
  ),
  at: fc.record({ ...dateParts, ...timeParts, timezone: fc.constantFrom('Z', 'Z', '+01:00') }),
  createdAt: maybe(fc.record({ ...dateParts, ...timeParts })),
  updatedAt: maybe(fc.record({ ...dateParts, ...timeParts })),
  announcedOn: maybe(fc.record(dateParts)),
});

const STORE = `
  CREATE (c:ChangeRowProbe {seq: 1, group: 1, kind: 'UPDATED', entityType: 'Investment', entityId: $image.plain.id, at: datetime($image.at)})
  CREATE (c)-[:BEFORE]->(i:ChangeImage)
  SET i = $image.plain
  SET i.createdAt = CASE WHEN $image.createdAt IS NULL THEN null ELSE datetime($image.createdAt) END,
      i.updatedAt = CASE WHEN $image.updatedAt IS NULL THEN null ELSE datetime($image.updatedAt) END,
      i.announcedOn = CASE WHEN $image.announcedOn IS NULL THEN null ELSE date($image.announcedOn) END`;

describe('change rows: times and images sent as text read back exactly as the driver values they replace', () => {
  let app: TestApp;
  const catalog = new CypherCatalog();

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it(`agree on ${RUNS} drawn images (seed ${SEED})`, async () => {
    const asText = `MATCH (c:ChangeRowProbe) RETURN ${catalog.get('changes/fragments/change-row')}`;
    const asValues = 'MATCH (c:ChangeRowProbe) RETURN c.at AS at, head([(c)-[:BEFORE]->(i:ChangeImage) | properties(i)]) AS before';
    const session = app.driver.session();
    try {
      await fc.assert(
        fc.asyncProperty(drawnImage, async (image) => {
          const tx = session.beginTransaction();
          try {
            await tx.run(STORE, { image: { plain: image.plain, at: ints(image.at), createdAt: ints(image.createdAt), updatedAt: ints(image.updatedAt), announcedOn: ints(image.announcedOn) } });
            const [text] = (await tx.run(asText)).records;
            const [values] = (await tx.run(asValues)).records;
            const record = toChangeRecord(toPlain(text?.get('change')));
            expect(record.at).toBe(toPlain(values?.get('at')));
            expect(record.before).toEqual(toPlain(values?.get('before')));
          } finally {
            await tx.rollback();
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    } finally {
      await session.close();
    }
  });
});
