import type { PartialDate } from '../domain/partial-date';
import { dateOrNull } from './params';

/**
 * Stored form of a partial date: `<name>` holds the period's first day as a DATE and `<name minus On>Precision`
 * holds DAY / MONTH / YEAR (`announcedOn` -> `announcedPrecision`). Undefined means "leave unchanged".
 */
export function dateProps(name: string, value: PartialDate | null | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  return { [name]: dateOrNull(value?.start), [`${name.replace(/On$/, '')}Precision`]: value?.precision ?? null };
}

/** Copies the given keys that are not undefined (null is kept: it clears the stored property). */
export function pick<T extends object>(input: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (input[key] !== undefined) out[key as string] = input[key];
  return out;
}
