import { AmountKind, InvestmentStatus } from '../../../src/domain/enums';
import { defaultScope, stateAt } from '../../../src/domain/as-of';
import { Confidence, FactEventKind, FactStatus, timeline, type FactEvent } from '../../../src/domain/lifecycle';
import { parsePartialDate } from '../../../src/domain/partial-date';
import { factAsOf } from '../../../src/export/as-of';
import { lifecycleFieldsOf } from '../../../src/facts/fact-lifecycle';
import type { FactRecord } from '../../../src/facts/fact-record';
import { INVESTMENT } from '../../../src/facts/types/investment.fact';
import { SUBSIDIARY_LINK } from '../../../src/facts/types/subsidiary-link.fact';

const d = parsePartialDate;
const event = (kind: FactEventKind, on: string, extra: Partial<FactEvent> = {}): FactEvent => ({ kind, on: d(on), ...extra });

function investment(over: Record<string, unknown>): FactRecord {
  return {
    id: 'inv-test',
    sourceIds: ['s-announce'],
    investorId: 'amazon',
    investeeId: 'anthropic',
    amountUsd: null,
    amountKind: null,
    announcedOn: d('2023-09-25'),
    closedOn: null,
    round: null,
    stakePercent: null,
    valuationUsd: null,
    instrument: null,
    status: InvestmentStatus.ANNOUNCED,
    note: null,
    confidence: Confidence.CONFIRMED,
    events: [],
    fundingRoundId: null,
    ...over,
  };
}

/** The seed's Amazon-Anthropic 2023 agreement: $1.25B paid at once, an option on $2.75B more exercised in March 2024. */
const amazon2023 = investment({
  sourceIds: ['s-announce', 's-option', 's-2024'],
  amountUsd: 4e9,
  amountKind: AmountKind.UP_TO,
  closedOn: d('2024-03-27'),
  status: InvestmentStatus.COMPLETED,
  events: [
    event(FactEventKind.AGREED, '2023-09-25', { amountUsd: 1.25e9, ceilingUsd: 4e9, deadline: d('2024-03'), sourceIds: ['s-announce', 's-option'] }),
    event(FactEventKind.TRANCHE_FUNDED, '2023-09-25', { amountUsd: 1.25e9, sourceIds: ['s-announce'] }),
    event(FactEventKind.OPTION_EXERCISED, '2024-03-27', { amountUsd: 2.75e9, sourceIds: ['s-2024'] }),
    event(FactEventKind.TRANCHE_FUNDED, '2024-03-27', { amountUsd: 2.75e9, sourceIds: ['s-2024'] }),
  ],
});

const stateOn = (fact: FactRecord, day: string) =>
  stateAt(timeline(lifecycleFieldsOf(INVESTMENT, fact)), fact.confidence as Confidence, { ...defaultScope(), asOf: d(day) });

describe('an export as of a day', () => {
  it('leaves out a fact not yet known, imprecise dates counting once their period has ended', () => {
    expect(factAsOf(INVESTMENT, amazon2023, '2023-09-24')).toBeNull();
    const march = investment({ announcedOn: d('2024-03') });
    expect(factAsOf(INVESTMENT, march, '2024-03-15')).toBeNull();
    expect(factAsOf(INVESTMENT, march, '2024-03-31')?.fact).toBe(march);
  });

  it('keeps a fact whose whole life lies before the day as it is', () => {
    expect(factAsOf(INVESTMENT, amazon2023, '2024-12-31')).toEqual({ fact: amazon2023, keptWhole: false });
  });

  it('keeps the events up to the day, clears a later close, and drops the sources only later events cite', () => {
    const asOf = factAsOf(INVESTMENT, amazon2023, '2023-12-31');
    expect(asOf?.keptWhole).toBe(false);
    const fact = asOf?.fact as FactRecord;
    expect((fact.events as FactEvent[]).map((e) => e.kind)).toEqual([FactEventKind.AGREED, FactEventKind.TRANCHE_FUNDED]);
    expect(fact.closedOn).toBeNull();
    expect(fact.sourceIds).toEqual(['s-announce', 's-option']);
    expect(fact.amountUsd).toBe(4e9);
    // It stands on the day (and before) exactly as the recorded fact did: $1.25B paid, the option open to March.
    for (const day of ['2023-09-25', '2023-10-31', '2023-12-31']) expect(stateOn(fact, day)).toEqual(stateOn(amazon2023, day));
    expect(stateOn(fact, '2023-12-31').money.paidUsd).toBe(1.25e9);
    expect(stateOn(fact, '2023-12-31').optionOpenUntil).toBe('2024-03');
  });

  it('keeps a fact whole when leaving out its later events would change its money on the day', () => {
    // Money only from a later tranche: without it the fact would fall back to its headline commitment.
    const laterMoney = investment({ amountUsd: 1e9, amountKind: AmountKind.COMMITMENT, events: [event(FactEventKind.TRANCHE_FUNDED, '2024-06', { amountUsd: 5e8, sourceIds: ['s-tranche'] })] });
    expect(factAsOf(INVESTMENT, laterMoney, '2023-12-31')).toEqual({ fact: laterMoney, keptWhole: true });
  });

  it('keeps a fact whole when leaving out a later close would change its status on the day', () => {
    // Its status field says COMPLETED; only the later CLOSED event says it was merely announced before.
    const closedLater = investment({ status: InvestmentStatus.COMPLETED, events: [event(FactEventKind.CLOSED, '2024-02-01')] });
    expect(stateOn(closedLater, '2023-12-31').status).toBe(FactStatus.ANNOUNCED);
    expect(factAsOf(INVESTMENT, closedLater, '2023-12-31')).toEqual({ fact: closedLater, keptWhole: true });
  });

  it('never clears the date a fact is known by, and keeps a fact with no date at all', () => {
    const link: FactRecord = { id: 'sub-x', sourceIds: ['s'], childId: 'aws', parentId: 'amazon', since: d('2006'), confidence: Confidence.CONFIRMED, events: [] };
    expect(factAsOf(SUBSIDIARY_LINK, link, '2006-06-30')).toBeNull();
    expect(factAsOf(SUBSIDIARY_LINK, link, '2006-12-31')?.fact.since).toEqual(d('2006'));
    const undated = { ...link, since: null };
    expect(factAsOf(SUBSIDIARY_LINK, undated, '1900-01-01')?.fact).toEqual(undated);
  });
});
