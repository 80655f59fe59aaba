import { dayNumber, daysBefore, formatDate, formatTimestamp, happenedBy, isIsoDay, isoOfDay, periodEnd, precisionOf, SLIDER_START } from '../src/format/dates';
import { formatShare, formatUsd, moneyLines } from '../src/format/money';
import { money } from './support/fixtures';

describe('money formatting', () => {
  it.each([
    [1_250_000_000, '$1.25B'],
    [13_800_000_000, '$13.8B'],
    [100_000_000_000, '$100B'],
    [4_000_000_000, '$4B'],
    [100_000_000, '$100M'],
    [999_999_999, '$1B'],
    [2_500, '$2.5K'],
    [1_200_000_000_000, '$1.2T'],
    [0, '$0'],
    [-2_750_000_000, '-$2.75B'],
  ])('formatUsd(%d) is %s', (amount, text) => {
    expect(formatUsd(amount)).toBe(text);
  });

  it('writes shares as percentages and says when there is none', () => {
    expect(formatShare(0.4213)).toBe('42.1%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(null)).toBe('n/a');
  });

  it('lists only the kinds of money present, then the undisclosed facts', () => {
    // Amazon -> Anthropic as of 2023-12-31: $1.25B paid of up to $4B.
    const lines = moneyLines(money({ paidUsd: 1_250_000_000, ceilingUsd: 2_750_000_000, undisclosedCount: 2 }));
    expect(lines.map((line) => [line.label, line.text])).toEqual([
      ['Paid', '$1.25B'],
      ['Ceiling', '$2.75B'],
      ['Undisclosed', '2 facts'],
    ]);
    expect(moneyLines(money())).toEqual([]);
    expect(moneyLines(money({ stakeValueUsd: 135e9, contractValueUsd: 1e9, committedUsd: 1.4e9 })).map((line) => line.label)).toEqual(['Committed', 'Contract value', 'Stake value']);
  });
});

describe('date formatting', () => {
  it('never writes a date as more precise than it is known', () => {
    expect(formatDate('2023-09-25')).toBe('2023-09-25');
    expect(formatDate('2023-09')).toBe('2023-09 (month)');
    expect(formatDate('2023')).toBe('2023 (year)');
    expect(formatDate(null)).toBe('undated');
    expect(precisionOf('2024-02')).toBe('month');
    expect(() => precisionOf('Sept 2023')).toThrow('not a date');
  });

  it('ends a month or year period on its last day', () => {
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2023-02')).toBe('2023-02-28');
    expect(periodEnd('2023-12')).toBe('2023-12-31');
    expect(periodEnd('2024')).toBe('2024-12-31');
    expect(periodEnd('2024-03-27')).toBe('2024-03-27');
  });

  it('counts an imprecise date only once its whole period has passed (the API rule)', () => {
    expect(happenedBy('2024', '2024-03-31')).toBe(false);
    expect(happenedBy('2024', '2024-12-31')).toBe(true);
    expect(happenedBy('2023-09', '2023-09-30')).toBe(true);
    expect(happenedBy('2023-09', '2023-09-29')).toBe(false);
    expect(happenedBy('2024-03-27', '2023-12-31')).toBe(false);
  });

  it('maps slider days to dates and back', () => {
    expect(dayNumber(SLIDER_START)).toBe(0);
    expect(isoOfDay(dayNumber('2023-12-31'))).toBe('2023-12-31');
    expect(isoOfDay(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(dayNumber('2015-01-02')).toBe(1);
  });

  it('accepts only calendar days that exist', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2023-12')).toBe(false);
    expect(isIsoDay('2023-1-01')).toBe(false);
  });

  it('counts days back across months and leap days, for the changes panel’s default week', () => {
    expect(daysBefore('2026-12-06', 7)).toBe('2026-11-29');
    expect(daysBefore('2024-03-03', 7)).toBe('2024-02-25');
    expect(daysBefore('2026-01-03', 7)).toBe('2025-12-27');
  });

  it('writes a change’s moment to the second in UTC, whatever precision and offset the API gave', () => {
    expect(formatTimestamp('2026-12-06T21:47:42.123456789Z')).toBe('2026-12-06 21:47:42 UTC');
    expect(formatTimestamp('2026-12-06T21:47:42Z')).toBe('2026-12-06 21:47:42 UTC');
    expect(formatTimestamp('2026-12-06T23:47:42.5+02:00')).toBe('2026-12-06 21:47:42 UTC');
    expect(formatTimestamp('not a time')).toBe('not a time');
  });
});
