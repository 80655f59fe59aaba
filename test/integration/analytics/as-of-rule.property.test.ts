import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { countsEveryKnownFact, knownOn, scopeDay, stateAt, type FactScope } from '../../../src/domain/as-of';
import { AmountKind } from '../../../src/domain/enums';
import { Confidence, FactEventKind, FactStatus, timeline, type FactEvent, type LifecycleFields } from '../../../src/domain/lifecycle';
import { formatPartialDate, type DatePrecision, type PartialDate } from '../../../src/domain/partial-date';
import { fixToday } from '../../../src/domain/today';
import { COMPUTE_DEAL } from '../../../src/facts/types/compute-deal.fact';
import { lifecycleFieldsOf, lifecycleProps } from '../../../src/facts/fact-lifecycle';
import { CypherCatalog } from '../../../src/neo4j/cypher-catalog';
import { scopeParams } from '../../../src/neo4j/as-of';
import { defineFactFragments } from '../../../src/neo4j/facts/fact-fragments';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TEST_TODAY } from '../../support/test-today';

/**
 * The as-of rule has two implementations: stateAt() in TypeScript (a fact's `state`, Company.raised, exports) and the
 * Cypher fragments the statements use (analytics, Company fact lists). Drawn facts (events of every kind, dates at
 * every precision, ends in the past and the future) are stored as the write stores them and read back through the
 * fragments, on drawn dates around today (and no date: today); both must give the same state, money and inclusion.
 */
const RUNS = Number(process.env.AS_OF_PROPERTY_RUNS ?? 1000);
const SEED = Number(process.env.AS_OF_PROPERTY_SEED ?? 20261206);

/** A date between 2022 and 2029 at a drawn precision, with today's day, month and year drawn more often. */
const partialDate: fc.Arbitrary<PartialDate> = fc.oneof(
  fc
    .record({ year: fc.integer({ min: 2022, max: 2029 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), precision: fc.constantFrom<DatePrecision>('DAY', 'MONTH', 'YEAR') })
    .map(({ year, month, day, precision }) => {
      const mm = String(month).padStart(2, '0');
      const start = precision === 'YEAR' ? `${year}-01-01` : precision === 'MONTH' ? `${year}-${mm}-01` : `${year}-${mm}-${String(day).padStart(2, '0')}`;
      return { start, precision };
    }),
  fc.constantFrom<PartialDate>(
    { start: TEST_TODAY, precision: 'DAY' },
    { start: `${TEST_TODAY.slice(0, 7)}-01`, precision: 'MONTH' },
    { start: `${TEST_TODAY.slice(0, 4)}-01-01`, precision: 'YEAR' },
    { start: '2026-12-07', precision: 'DAY' },
    { start: '2026-12-05', precision: 'DAY' },
  ),
);

const amount = fc.option(fc.constantFrom(1e8, 5e8, 1.25e9, 4e9, 1e10), { nil: null });

const event: fc.Arbitrary<FactEvent> = fc.record({
  kind: fc.constantFrom(...Object.values(FactEventKind).filter((kind) => kind !== FactEventKind.ANNOUNCED)),
  on: partialDate,
  amountUsd: amount,
  ceilingUsd: amount,
  deadline: fc.option(partialDate, { nil: null }),
});

const fields: fc.Arbitrary<LifecycleFields> = fc.record({
  announcedOn: fc.option(partialDate, { nil: null, freq: 8 }),
  amountUsd: amount,
  amountKind: fc.option(fc.constantFrom(...Object.values(AmountKind)), { nil: null }),
  status: fc.constantFrom('PLANNED', 'ANNOUNCED', 'ACTIVE', 'COMPLETED', 'ENDED', 'TERMINATED'),
  closedOn: fc.option(partialDate, { nil: null }),
  startsOn: fc.option(partialDate, { nil: null }),
  endsOn: fc.option(partialDate, { nil: null }),
  events: fc.array(event, { maxLength: 4 }),
});

const scope: fc.Arbitrary<FactScope> = fc.record({
  asOf: fc.option(partialDate, { nil: null }),
  includeImprecise: fc.boolean(),
  statuses: fc.subarray(Object.values(FactStatus), { minLength: 1 }),
  minConfidence: fc.constantFrom(...Object.values(Confidence)),
});

const PROBE = `CREATE (f:AsOfProbe) SET f = $props
WITH f
RETURN {{> fact-known f}} AS known, {{> fact-counts f}} AS counts, f.tlStatus[{{> fact-state-index f}}] AS status, {{> fact-money f}} AS money`;

describe('the as-of rule: the Cypher fragments and stateAt() agree', () => {
  let app: TestApp;
  let probe: string;

  beforeAll(async () => {
    app = await startTestApp();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'as-of-probe-'));
    fs.writeFileSync(path.join(root, 'probe.cypher'), PROBE);
    const catalog = new CypherCatalog(root);
    defineFactFragments(catalog);
    probe = catalog.get('probe');
  });
  afterAll(async () => {
    await app.db.writeRows('MATCH (f:AsOfProbe) DELETE f');
    fixToday(TEST_TODAY);
    await app.close();
  });

  it(`gives the same state, money and inclusion on ${RUNS} drawn facts and dates (seed ${SEED})`, async () => {
    fixToday(TEST_TODAY);
    let disagreements = 0;
    await fc.assert(
      fc.asyncProperty(fields, scope, fc.constantFrom(...Object.values(Confidence)), async (values, drawn, confidence) => {
        // Stored as a compute deal stores them (every lifecycle field exists on that type).
        const record = { ...values, confidence };
        const props = lifecycleProps(COMPUTE_DEAL, record);
        const t = timeline(lifecycleFieldsOf(COMPUTE_DEAL, record));
        const expected = stateAt(t, confidence, drawn);
        const params = scopeParams(drawn);
        const [row] = await app.db.writeRows(probe, { props, ...params });
        const money = row!.money as number[];
        const actual = {
          known: row!.known as boolean,
          counts: row!.counts as boolean,
          status: row!.status === 'UNKNOWN' ? null : (row!.status as string),
          money: { paidUsd: money[0], committedUsd: money[1], ceilingUsd: money[2], contractValueUsd: money[3], stakeValueUsd: money[4], undisclosedCount: money[5] },
        };
        const same =
          actual.known === expected.known && actual.counts === expected.counts && actual.status === expected.status && JSON.stringify(actual.money) === JSON.stringify(expected.money);
        if (!same) {
          disagreements++;
          const day = drawn.asOf ? formatPartialDate(drawn.asOf) : `today (${TEST_TODAY})`;
          throw new Error(`on ${day}: Cypher ${JSON.stringify(actual)} vs TypeScript ${JSON.stringify({ ...expected, optionOpenUntil: undefined })} for ${JSON.stringify(record)}`);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    process.stdout.write(`as-of rule: ${RUNS} drawn cases, ${disagreements} disagreements (seed ${SEED})\n`);
    expect(disagreements).toBe(0);
    // A timeline is what both read: check the drawn facts reach every kind of state the rule distinguishes.
    const statuses = new Set(fc.sample(fields, { numRuns: 200, seed: SEED }).map((f) => timeline(f).tlStatus.at(-1)));
    expect(statuses.size).toBeGreaterThanOrEqual(5);
  });

  it(`in a scope that counts every known fact, a fact counts exactly when it is known (the totals' shortcut; seed ${SEED})`, async () => {
    fixToday(TEST_TODAY);
    const everyKnown = scope.map((drawn) => ({ ...drawn, statuses: Object.values(FactStatus), minConfidence: Confidence.RUMOURED }));
    let known = 0;
    await fc.assert(
      fc.asyncProperty(fields, everyKnown, fc.constantFrom(...Object.values(Confidence)), async (values, drawn, confidence) => {
        expect(countsEveryKnownFact(drawn)).toBe(true);
        const record = { ...values, confidence };
        const props = lifecycleProps(COMPUTE_DEAL, record);
        const t = timeline(lifecycleFieldsOf(COMPUTE_DEAL, record));
        const state = stateAt(t, confidence, drawn);
        const [row] = await app.db.writeRows(probe, { props, ...scopeParams(drawn) });
        expect({ tsCounts: state.counts, cypherCounts: row!.counts, cypherKnown: row!.known }).toEqual({ tsCounts: state.known, cypherCounts: state.known, cypherKnown: state.known });
        expect(knownOn(t, scopeDay(drawn), drawn.includeImprecise)).toBe(state.known);
        if (state.known) known += 1;
      }),
      { numRuns: Math.ceil(RUNS / 4), seed: SEED, endOnFailure: true },
    );
    // Both answers occur: facts known and not yet known on the drawn dates.
    expect(known).toBeGreaterThan(0);
    expect(known).toBeLessThan(Math.ceil(RUNS / 4));
    // Any narrower scope is not one: a status left out, or a confidence floor.
    expect(countsEveryKnownFact({ statuses: Object.values(FactStatus).slice(1), minConfidence: Confidence.RUMOURED })).toBe(false);
    expect(countsEveryKnownFact({ statuses: Object.values(FactStatus), minConfidence: Confidence.REPORTED })).toBe(false);
  });
});
