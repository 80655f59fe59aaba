import { endOfPeriod, type PartialDate } from '../domain/partial-date';
import { date } from './params';

/** The DATE parameter for an `asOf` argument: the end of its period, or null for "all time". */
export function asOfParam(asOf: PartialDate | null | undefined) {
  return asOf ? date(endOfPeriod(asOf)) : null;
}

/** A loader key for (company, asOf): loaders batch all keys of one asOf into one query. */
export function asOfKey(id: string, asOf: PartialDate | null | undefined): string {
  return `${asOf ? endOfPeriod(asOf) : ''}|${id}`;
}

/** Splits loader keys back into { asOf end date -> ids }. */
export function groupAsOfKeys(keys: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const separator = key.indexOf('|');
    const asOf = key.slice(0, separator);
    groups.set(asOf, [...(groups.get(asOf) ?? []), key.slice(separator + 1)]);
  }
  return groups;
}
