import { AmountKind } from './enums';

/** Kinds that count as money moving (a stake's value is not a payment). */
const MONEY_KINDS = new Set<string>([AmountKind.PAID, AmountKind.COMMITMENT, AmountKind.UP_TO, AmountKind.CONTRACT_VALUE]);

/** Sum of the disclosed money amounts of some facts; stake values and undisclosed amounts add nothing. */
export function disclosedTotal(facts: readonly { amountUsd: number | null; amountKind: string | null }[]): number {
  return facts.reduce((sum, fact) => (fact.amountUsd !== null && fact.amountKind !== null && MONEY_KINDS.has(fact.amountKind) ? sum + fact.amountUsd : sum), 0);
}

/** "$2.75B", "$650M", "$16.3M": the way analysts write deal sizes. */
export function formatUsd(amount: number): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (amount >= size) return `$${Number((amount / size).toPrecision(3))}${suffix}`;
  }
  return `$${Math.round(amount)}`;
}
