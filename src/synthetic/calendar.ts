import type { Random } from './random';

// Dates: whole days since 1970-01-01; strings come from tables built once, so a million records share them.

const DAY_MS = 86_400_000;
const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
/** Facts are dated from 2015 up to a fixed day, not "today", so that output never depends on the clock. */
export const FIRST_DATE = '2015-01-01';
export const LAST_DATE = '2026-06-30';
export const FIRST_DAY = dayOf(2015, 1, 1);
export const LAST_DAY = dayOf(2026, 6, 30);
/** Compute contracts may run past LAST_DATE (endsOn is a contract term, not an event). */
export const TABLE_LAST_DAY = dayOf(2031, 12, 31);
const DAY_ISO: string[] = [];
export const MONTH_ISO: string[] = [];
const YEAR_ISO: string[] = [];
export const YEAR_OF = new Int16Array(TABLE_LAST_DAY - FIRST_DAY + 1);
for (let day = FIRST_DAY; day <= TABLE_LAST_DAY; day++) {
  const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
  const previous = DAY_ISO[DAY_ISO.length - 1];
  DAY_ISO.push(iso);
  MONTH_ISO.push(previous?.startsWith(iso.slice(0, 7)) ? MONTH_ISO[MONTH_ISO.length - 1] : iso.slice(0, 7));
  YEAR_ISO.push(previous?.startsWith(iso.slice(0, 4)) ? YEAR_ISO[YEAR_ISO.length - 1] : iso.slice(0, 4));
  YEAR_OF[day - FIRST_DAY] = Number(iso.slice(0, 4));
}
/** The date cited for undated facts' sources. */
export const LAST_YEAR = YEAR_ISO[LAST_DAY - FIRST_DAY];
export const DAY = 0;
export const MONTH = 1;
export const YEAR = 2;

export function dateString(day: number, precision: number): string {
  const at = day - FIRST_DAY;
  return precision === DAY ? DAY_ISO[at] : precision === MONTH ? MONTH_ISO[at] : YEAR_ISO[at];
}

/** First day a company can appear in a dated fact: its founding year, or 2015. */
export function firstDayOf(foundedYear: number): number {
  return Math.max(FIRST_DAY, dayOf(foundedYear, 1, 1));
}

export function randomPrecision(rng: Random, day = 0.6, month = 0.3): number {
  const roll = rng.float();
  return roll < day ? DAY : roll < day + month ? MONTH : YEAR;
}

/** A date between `first` and LAST_DATE at a random precision. */
export function dateOnOrAfter(first: number, rng: Random, day = 0.6, month = 0.3): string {
  return dateString(first + rng.below(LAST_DAY - first + 1), randomPrecision(rng, day, month));
}
