import { parsePartialDate, type PartialDate } from './partial-date';

/**
 * Today's UTC date by the server's clock: what "no asOf" means everywhere (analytics, a fact's state, Company fact
 * lists, exports) and what "not in the future" is checked against. Tests and demos fix it (config `TODAY`) so answers
 * about "today" do not move with the calendar; nothing else may read the clock for a date.
 */
let fixed: string | null = null;

/** Fixes today to an ISO day (YYYY-MM-DD), or back to the clock with null. */
export function fixToday(isoDay: string | null): void {
  if (isoDay !== null && parsePartialDate(isoDay).precision !== 'DAY') throw new Error(`today must be a day (YYYY-MM-DD), got ${isoDay}`);
  fixed = isoDay;
}

/** Today as an ISO day. */
export function todayIso(): string {
  return fixed ?? new Date().toISOString().slice(0, 10);
}

/** Today as a day-precision date. */
export function today(): PartialDate {
  return { start: todayIso(), precision: 'DAY' };
}
