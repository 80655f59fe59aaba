import { Instrument } from './enums';
import type { Money } from './money';

// Debt is not equity. A loan or a bond (instrument DEBT) is financing a company owes back: reported beside the
// equity it came with, never added to the money it raised (totalRaisedUsd, exposure, RAISED_HEADLINE, totals'
// headline) and never a valuation. Its firm amount is kept as a contract value, the one non-headline kind that
// means "the value of an agreement" (the principal of the loan), so every reader of a fact's timeline, in
// TypeScript or in Cypher, sees it out of the headline without a rule of its own.

/** Whether a fact's instrument is a loan or a bond. */
export function isDebt(instrument: unknown): boolean {
  return instrument === Instrument.DEBT;
}

/** A debt's money: what would be paid or committed is its contract value; a ceiling stays a ceiling (never headline). */
export function debtMoney(money: Money): Money {
  return { ...money, paidUsd: 0, committedUsd: 0, contractValueUsd: money.contractValueUsd + money.paidUsd + money.committedUsd };
}
