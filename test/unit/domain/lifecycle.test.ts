import { AmountKind } from '../../../src/domain/enums';
import {
  Confidence,
  ENDED_STATUSES,
  FactEventKind,
  FactStatus,
  LIVE_STATUSES,
  lifecycle,
  timeline,
  type FactEvent,
  type LifecycleFields,
} from '../../../src/domain/lifecycle';
import { defaultScope, stateAt, type FactScope } from '../../../src/domain/as-of';
import { emptyMoney, moneyPhrase } from '../../../src/domain/money';
import { parsePartialDate } from '../../../src/domain/partial-date';

const d = parsePartialDate;
const event = (kind: FactEventKind, on: string, extra: Partial<FactEvent> = {}): FactEvent => ({ kind, on: d(on), ...extra });
const fields = (over: Partial<LifecycleFields>): LifecycleFields => ({ announcedOn: d('2023-09-25'), amountUsd: null, amountKind: null, status: 'ANNOUNCED', events: [], ...over });
const at = (f: LifecycleFields, asOf: string | null, scope: Partial<FactScope> = {}) =>
  stateAt(timeline(f), Confidence.REPORTED, { ...defaultScope(), asOf: asOf ? d(asOf) : null, ...scope });

/** The seed's Amazon-Anthropic 2023 agreement: $1.25B now, an option on $2.75B more to the end of Q1 2024. */
const amazon2023 = fields({
  amountUsd: 4e9,
  amountKind: AmountKind.UP_TO,
  status: 'COMPLETED',
  closedOn: d('2024-03-27'),
  events: [
    event(FactEventKind.AGREED, '2023-09-25', { amountUsd: 1.25e9, ceilingUsd: 4e9, deadline: d('2024-03-31') }),
    event(FactEventKind.TRANCHE_FUNDED, '2023-09-25', { amountUsd: 1.25e9 }),
    event(FactEventKind.OPTION_EXERCISED, '2024-03-27', { amountUsd: 2.75e9 }),
    event(FactEventKind.TRANCHE_FUNDED, '2024-03-27', { amountUsd: 2.75e9 }),
    event(FactEventKind.CLOSED, '2024-03-27'),
  ],
});

describe('a fact with a lifecycle', () => {
  it('is unknown before its announcement, and reads paid, committed and ceiling from its events on each date', () => {
    expect(at(amazon2023, '2023-09-24')).toMatchObject({ known: false, counts: false, status: null });
    expect(at(amazon2023, '2023-12-31')).toMatchObject({
      counts: true,
      status: FactStatus.ACTIVE,
      optionOpenUntil: '2024-03-31',
      money: { ...emptyMoney(), paidUsd: 1.25e9, ceilingUsd: 2.75e9 },
    });
    expect(at(amazon2023, '2024-03-31')).toMatchObject({ status: FactStatus.COMPLETED, optionOpenUntil: null, money: { ...emptyMoney(), paidUsd: 4e9 } });
    expect(moneyPhrase(at(amazon2023, '2023-12-31').money)).toBe('$1.25B (paid) of up to $4B');
    expect(moneyPhrase(at(amazon2023, null).money)).toBe('$4B');
  });

  it('lets an unexercised option expire the day after its deadline: its ceiling is no longer open', () => {
    const unexercised = fields({ events: amazon2023.events.slice(0, 2) });
    expect(at(unexercised, '2024-03-31')).toMatchObject({ optionOpenUntil: '2024-03-31', money: { paidUsd: 1.25e9, ceilingUsd: 2.75e9 } });
    expect(at(unexercised, '2024-04-01')).toMatchObject({ optionOpenUntil: null, money: { paidUsd: 1.25e9, ceilingUsd: 0 } });
    expect(lifecycle(unexercised).map((h) => [h.event.kind, h.derived])).toEqual([
      ['ANNOUNCED', true],
      ['AGREED', false],
      ['TRANCHE_FUNDED', false],
      ['OPTION_EXPIRED', true],
    ]);
  });

  it('pays a commitment in tranches: committed falls as paid rises', () => {
    const nov2024 = fields({
      announcedOn: d('2024-11-22'),
      amountUsd: 4e9,
      amountKind: AmountKind.COMMITMENT,
      events: [
        event(FactEventKind.AGREED, '2024-11-22', { amountUsd: 4e9 }),
        event(FactEventKind.TRANCHE_FUNDED, '2024-12-31', { amountUsd: 1.3e9 }),
        event(FactEventKind.TRANCHE_FUNDED, '2025-06-30', { amountUsd: 1.3e9 }),
      ],
    });
    expect(at(nov2024, '2024-12-30')).toMatchObject({ status: FactStatus.AGREED, money: { paidUsd: 0, committedUsd: 4e9 } });
    expect(at(nov2024, '2025-09-30')).toMatchObject({ status: FactStatus.ACTIVE, money: { paidUsd: 2.6e9, committedUsd: 1.4e9 } });
  });

  it('without events keeps its own amount by kind from its announcement, and an end date ends it', () => {
    const exclusivity = fields({ announcedOn: d('2019-07-22'), status: 'COMPLETED', endsOn: d('2025-01-21'), amountUsd: 5e9, amountKind: AmountKind.CONTRACT_VALUE });
    expect(at(exclusivity, '2024-12-31')).toMatchObject({ counts: true, status: FactStatus.ANNOUNCED, money: { contractValueUsd: 5e9 } });
    expect(at(exclusivity, '2025-01-21')).toMatchObject({ counts: false, status: FactStatus.ENDED });
    expect(at(exclusivity, '2025-06-30', { statuses: [...LIVE_STATUSES, ...ENDED_STATUSES] })).toMatchObject({ counts: true, status: FactStatus.ENDED });
    expect(timeline(exclusivity).endedKnown).toBe('2025-01-21');
    const letter = fields({ amountUsd: 100e9, amountKind: AmountKind.UP_TO, status: 'PLANNED' });
    expect(at(letter, null)).toMatchObject({ status: FactStatus.PLANNED, money: { paidUsd: 0, committedUsd: 0, ceilingUsd: 100e9 } });
    expect(moneyPhrase(at(letter, null).money)).toBe('up to $100B (nothing binding)');
  });

  it('leaves nothing committed or open once terminated', () => {
    const cancelled = fields({ events: [event(FactEventKind.AGREED, '2023-09-25', { amountUsd: 1e9, ceilingUsd: 3e9 }), event(FactEventKind.TRANCHE_FUNDED, '2023-10', { amountUsd: 2e8 }), event(FactEventKind.TERMINATED, '2024-01-15')] });
    expect(at(cancelled, '2024-01-15', { statuses: [...LIVE_STATUSES, ...ENDED_STATUSES] })).toMatchObject({ status: FactStatus.TERMINATED, money: { paidUsd: 2e8, committedUsd: 0, ceilingUsd: 0 } });
  });

  it('counts for no one below the confidence asked for', () => {
    const t = timeline(fields({}));
    expect(stateAt(t, Confidence.RUMOURED, { ...defaultScope(), minConfidence: Confidence.REPORTED }).counts).toBe(false);
    expect(stateAt(t, Confidence.CONFIRMED, { ...defaultScope(), minConfidence: Confidence.REPORTED }).counts).toBe(true);
  });
});

describe('date precision', () => {
  it('counts a month-dated fact once the whole month lies on or before the date, or from its first day when imprecise dates are allowed', () => {
    const march = fields({ announcedOn: d('2024-03') });
    expect(at(march, '2024-03-30').known).toBe(false);
    expect(at(march, '2024-03-31').known).toBe(true);
    expect(at(march, '2024-03').known).toBe(true);
    expect(at(march, '2024-02-29', { includeImprecise: true }).known).toBe(false);
    expect(at(march, '2024-03-01', { includeImprecise: true }).known).toBe(true);
  });

  it('counts a year-dated fact only after the year has ended (not on 2024-03-31)', () => {
    const year = fields({ announcedOn: d('2024') });
    expect(at(year, '2024-03-31').known).toBe(false);
    expect(at(year, '2024-12-30').known).toBe(false);
    expect(at(year, '2024-12-31').known).toBe(true);
    expect(at(year, '2024').known).toBe(true);
    expect(at(year, '2024-03-31', { includeImprecise: true }).known).toBe(true);
    expect(at(year, '2023-12-31', { includeImprecise: true }).known).toBe(false);
  });

  it('holds back a later precise event behind an earlier imprecise one until that one is certain', () => {
    const f = fields({ announcedOn: d('2024-01-10'), events: [event(FactEventKind.AGREED, '2024-01-10', { amountUsd: 2e9 }), event(FactEventKind.TRANCHE_FUNDED, '2024-05', { amountUsd: 1e9 }), event(FactEventKind.TRANCHE_FUNDED, '2024-05-20', { amountUsd: 1e9 })] });
    expect(at(f, '2024-05-25').money.paidUsd).toBe(0);
    expect(at(f, '2024-05-31').money.paidUsd).toBe(2e9);
    expect(at(f, '2024-05-25', { includeImprecise: true }).money.paidUsd).toBe(2e9);
  });

  it('knows an undated fact (a rivalry without a since date) at every date', () => {
    expect(at(fields({ announcedOn: null }), '1990-01-01').known).toBe(true);
  });
});
