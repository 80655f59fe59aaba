// Dates as the API writes them: YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known.

export type DatePrecision = 'day' | 'month' | 'year';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function precisionOf(date: string): DatePrecision {
  const match = PARTIAL_DATE.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return match[3] ? 'day' : match[2] ? 'month' : 'year';
}

/** "2023-09-25", "2023-09 (month)", "2023 (year)": a date never reads more precise than it is known. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return 'undated';
  const precision = precisionOf(date);
  return precision === 'day' ? date : `${date} (${precision})`;
}

/** The last day of the period a date names (the day itself for a full date). */
export function periodEnd(date: string): string {
  const match = PARTIAL_DATE.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  const [, year, month, day] = match;
  if (day) return date;
  if (!month) return `${year}-12-31`;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, '0')}`;
}

/**
 * Whether something dated `date` had happened by `asOf` (a full date): a month or year counts once its whole period
 * lies on or before it, the API's rule for imprecise dates.
 */
export function happenedBy(date: string, asOf: string): boolean {
  return periodEnd(date) <= asOf;
}

/** Today as YYYY-MM-DD (UTC, as the API reads dates). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** First day the date slider reaches: the seed's facts begin in the late 2010s. */
export const SLIDER_START = '2015-01-01';

const DAY_MS = 86_400_000;

/** Days from SLIDER_START to an ISO date: the date slider's value. */
export function dayNumber(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${SLIDER_START}T00:00:00Z`)) / DAY_MS);
}

/** The ISO date a slider value stands for. */
export function isoOfDay(day: number): string {
  return new Date(Date.parse(`${SLIDER_START}T00:00:00Z`) + day * DAY_MS).toISOString().slice(0, 10);
}

/** A full ISO calendar date that exists (2023-02-30 does not). */
export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The ISO date `days` days before another. */
export function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A moment the API writes as an ISO date-time ("2026-12-06T21:47:42.123456789Z") as "2026-12-06 21:47:42 UTC", to the
 * second; what is not such a date-time is returned as it is.
 */
export function formatTimestamp(at: string): string {
  // Date reads at most milliseconds; Neo4j writes nanoseconds.
  const time = Date.parse(at.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(time)) return at;
  const iso = new Date(time).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** The quarter a day falls in: its first and last day. */
export function quarterOf(day: string): { start: string; end: string } {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const start = `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, quarter * 3 + 3, 0)).toISOString().slice(0, 10);
  return { start, end };
}

/** The play button's next stop after `day`: the end of its quarter, or of the next quarter when it is already there. */
export function nextQuarterEnd(day: string): string {
  const { end } = quarterOf(day);
  if (day < end) return end;
  const next = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)), 1)).toISOString().slice(0, 10);
  return quarterOf(next).end;
}
