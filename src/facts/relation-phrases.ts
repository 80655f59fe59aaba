import { formatPartialDate, type PartialDate } from '../domain/partial-date';
import { formatUsd, headlineUsd, moneyPhrase, type Money } from '../domain/money';
import { moneyOfFacts } from './fact-lifecycle';

// The words relation sentences and edge labels are made of, shared by the definitions' `derived.sentence` and
// `derived.label` (src/facts/types/*.fact.ts) and by the analytics' explanations.

/** "2024-03" style dates for prose: month precision at most, as analysts quote deals. */
export function when(date: PartialDate | null | undefined): string {
  if (!date) return 'undated';
  return formatPartialDate(date.precision === 'DAY' ? { start: date.start, precision: 'MONTH' } : date);
}

/** "2023-09 to 2024-03", or one date when they all fall in the same month. */
export function span(dates: readonly (PartialDate | null | undefined)[]): string {
  const known = dates.filter((date): date is PartialDate => !!date).sort((a, b) => a.start.localeCompare(b.start));
  if (known.length === 0) return 'undated';
  const first = when(known[0]);
  const last = when(known[known.length - 1]);
  return first === last ? first : `${first} to ${last}`;
}

/** "3 investments, " for several facts, nothing for one. */
export function count(n: number, noun: string): string {
  return n === 1 ? '' : `${n} ${noun}s, `;
}

/**
 * The money phrase for some facts in the scope they were read in, each kind named: "$2.75B", "paid $1.25B of up to
 * $4B", "up to $100B (nothing binding)", "an undisclosed amount". A ceiling never reads as money paid.
 */
export function amountPhrase(facts: readonly Readonly<Record<string, unknown>>[]): string {
  return moneyPhrase(moneyOfFacts(facts)) || 'an undisclosed amount';
}

/** "$11B, " when the facts' money has a phrase worth saying before their date, else nothing. */
export function disclosedPrefix(money: Money): string {
  const phrase = moneyPhrase(money);
  return phrase && phrase !== 'undisclosed' ? `${phrase}, ` : '';
}

/** An edge's amount in a label: the headline, else the ceiling ("up to $4B"), else "undisclosed". */
export function edgeAmount(money: Money): string {
  const total = headlineUsd(money);
  return total > 0 ? formatUsd(total) : money.ceilingUsd > 0 ? `up to ${formatUsd(money.ceilingUsd)}` : 'undisclosed';
}

/** " (3)" after a label when an edge stands for several facts. */
export function factCount(facts: number): string {
  return facts > 1 ? ` (${facts})` : '';
}
