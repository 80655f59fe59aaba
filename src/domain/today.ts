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

/** The clock's day, and the instant the next one starts (a bulk import asks millions of times a minute). */
let clockDay = { iso: '', until: 0 };

/** Today as an ISO day. */
export function todayIso(): string {
  if (fixed !== null) return fixed;
  const now = Date.now();
  if (now >= clockDay.until || now < clockDay.until - 86_400_000) {
    const iso = new Date(now).toISOString().slice(0, 10);
    clockDay = { iso, until: Date.parse(`${iso}T00:00:00.000Z`) + 86_400_000 };
  }
  return clockDay.iso;
}

/** Today as a day-precision date. */
export function today(): PartialDate {
  return { start: todayIso(), precision: 'DAY' };
}
