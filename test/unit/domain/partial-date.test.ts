import { endOfPeriod, formatPartialDate, parsePartialDate } from '../../../src/domain/partial-date';

describe('Date scalar', () => {
  it('keeps the precision it was given', () => {
    expect(parsePartialDate('2023-09-25')).toEqual({ start: '2023-09-25', precision: 'DAY' });
    expect(parsePartialDate('2023-09')).toEqual({ start: '2023-09-01', precision: 'MONTH' });
    expect(parsePartialDate('2023')).toEqual({ start: '2023-01-01', precision: 'YEAR' });
    expect(formatPartialDate(parsePartialDate('2023-09'))).toBe('2023-09');
    expect(formatPartialDate(parsePartialDate('2024-02-29'))).toBe('2024-02-29');
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13', '2024-00-10', '24-01-01', '2024-1-1', '', 'yesterday', '2024-01-01T00:00:00Z', '0999'])(
    'rejects %p with BAD_USER_INPUT',
    (value) => {
      expect(() => parsePartialDate(value)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    },
  );

  it('reads asOf as the end of its period', () => {
    expect(endOfPeriod(parsePartialDate('2024-03'))).toBe('2024-03-31');
    expect(endOfPeriod(parsePartialDate('2024-02'))).toBe('2024-02-29');
    expect(endOfPeriod(parsePartialDate('2023'))).toBe('2023-12-31');
    expect(endOfPeriod(parsePartialDate('2023-12-31'))).toBe('2023-12-31');
  });
});
