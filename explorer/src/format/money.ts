import type { Money } from '../api/types';

const UNITS: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** "$1.25B", "$13.8B", "$100M", "$0": at most two decimals, trailing zeros dropped. */
export function formatUsd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  for (const [size, unit] of UNITS) {
    // 999,999,999 rounds to "1000M" otherwise: compare after rounding.
    if (Math.round((abs / size) * 100) / 100 >= 1) return `${sign}$${trim(abs / size)}${unit}`;
  }
  return `${sign}$${trim(abs)}`;
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A share (0-1) as a percentage with one decimal; "n/a" when the API has none (no headline money). */
export function formatShare(share: number | null): string {
  return share === null ? 'n/a' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** The kinds of money a Money breakdown holds, in the order the side panel and exports list them. */
export const MONEY_KINDS = [
  { field: 'paidUsd', label: 'Paid', meaning: 'cash paid' },
  { field: 'committedUsd', label: 'Committed', meaning: 'binding, not yet paid' },
  { field: 'ceilingUsd', label: 'Ceiling', meaning: '"up to", open options, letters of intent beyond what is binding' },
  { field: 'contractValueUsd', label: 'Contract value', meaning: 'compute priced over its term' },
  { field: 'stakeValueUsd', label: 'Stake value', meaning: 'value of a stake held, not a payment' },
] as const satisfies readonly { field: keyof Money; label: string; meaning: string }[];

export interface MoneyLine {
  label: string;
  meaning: string;
  text: string;
}

/** The non-zero kinds of a Money breakdown, then the count of undisclosed facts: what a fact's money is made of. */
export function moneyLines(money: Money): MoneyLine[] {
  const lines: MoneyLine[] = MONEY_KINDS.filter((kind) => money[kind.field] !== 0).map((kind) => ({
    label: kind.label,
    meaning: kind.meaning,
    text: formatUsd(money[kind.field]),
  }));
  if (money.undisclosedCount > 0) {
    lines.push({ label: 'Undisclosed', meaning: 'facts whose amount is not public (in none of the figures)', text: `${money.undisclosedCount} fact${money.undisclosedCount === 1 ? '' : 's'}` });
  }
  return lines;
}
