import { badInput } from './errors';

export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR';

/** A calendar date known to a day, a month or a year. `start` is the first day of that period (YYYY-MM-DD). */
export interface PartialDate {
  readonly start: string;
  readonly precision: DatePrecision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function invalid(value: unknown, why: string) {
  return badInput('Date', `${why} (got ${JSON.stringify(value)}); expected YYYY-MM-DD, YYYY-MM or YYYY`);
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates such as 2024-02-30. */
export function parsePartialDate(value: unknown): PartialDate {
  if (typeof value !== 'string') throw invalid(value, 'not a string');
  const match = PATTERN.exec(value);
  if (!match) throw invalid(value, 'not an ISO-8601 date');
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < 1800 || year > 2200) throw invalid(value, 'year out of range 1800-2200');
  if (m === undefined) return { start: `${y}-01-01`, precision: 'YEAR' };
  const month = Number(m);
  if (month < 1 || month > 12) throw invalid(value, 'month out of range');
  if (d === undefined) return { start: `${y}-${m}-01`, precision: 'MONTH' };
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) throw invalid(value, 'no such day');
  return { start: `${y}-${m}-${d}`, precision: 'DAY' };
}

/** Renders a date at its precision: 2023-09-25, 2023-09 or 2023. */
export function formatPartialDate(date: PartialDate): string {
  if (date.precision === 'YEAR') return date.start.slice(0, 4);
  if (date.precision === 'MONTH') return date.start.slice(0, 7);
  return date.start;
}

/** The last day of the period, used for `asOf`: "as of 2024-03" includes everything announced in March 2024. */
export function endOfPeriod(date: PartialDate): string {
  const [year, month] = date.start.split('-').map(Number);
  if (date.precision === 'DAY') return date.start;
  if (date.precision === 'YEAR') return `${year}-12-31`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date.start.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** The ISO day after an ISO day (an option that runs to its deadline expires the next day). */
export function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Builds a PartialDate from the stored start date and precision. */
export function storedDate(start: unknown, precision: unknown): PartialDate | null {
  if (typeof start !== 'string') return null;
  return { start, precision: precision === 'YEAR' || precision === 'MONTH' ? precision : 'DAY' };
}
