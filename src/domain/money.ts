/**
 * Money by its nature. Only paid and committed (binding, not yet paid) money is the headline: what went in or must.
 * A ceiling (an "up to", an open option, a letter of intent: beyond what is binding), a contract's value (a debt's
 * principal too: see debt.ts) and a stake's value are shown beside it and never added to it; undisclosed amounts
 * are counted, not guessed.
 */
export interface Money {
  readonly paidUsd: number;
  readonly committedUsd: number;
  readonly ceilingUsd: number;
  readonly contractValueUsd: number;
  readonly stakeValueUsd: number;
  readonly undisclosedCount: number;
}

export function emptyMoney(): Money {
  return { paidUsd: 0, committedUsd: 0, ceilingUsd: 0, contractValueUsd: 0, stakeValueUsd: 0, undisclosedCount: 0 };
}

/** Paid plus committed: the figure totals, shares and concentration use. */
export function headlineUsd(money: Money): number {
  return money.paidUsd + money.committedUsd;
}

/** Sum of several facts' money, kind by kind. */
export function sumMoney(items: readonly Money[]): Money {
  const total = { ...emptyMoney() };
  for (const m of items) {
    total.paidUsd += m.paidUsd;
    total.committedUsd += m.committedUsd;
    total.ceilingUsd += m.ceilingUsd;
    total.contractValueUsd += m.contractValueUsd;
    total.stakeValueUsd += m.stakeValueUsd;
    total.undisclosedCount += m.undisclosedCount;
  }
  return total;
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

/**
 * Money in words, each kind named, read after "invested": "$4B", "$1.25B (paid) of up to $4B", "$8B ($6.6B paid,
 * $1.4B committed)", "$4B (committed, not yet paid)", "up to $100B (nothing binding)", "$300B contract value",
 * "undisclosed". Empty when there is nothing to say.
 */
export function moneyPhrase(m: Money): string {
  const firm = headlineUsd(m);
  const upTo = m.ceilingUsd > 0 ? ` of up to ${formatUsd(firm + m.ceilingUsd)}` : '';
  const parts: string[] = [];
  if (firm > 0) {
    if (m.committedUsd === 0) parts.push(upTo ? `${formatUsd(m.paidUsd)} (paid)${upTo}` : formatUsd(m.paidUsd));
    else if (m.paidUsd === 0) parts.push(`${formatUsd(m.committedUsd)} (committed, not yet paid)${upTo}`);
    else parts.push(`${formatUsd(firm)} (${formatUsd(m.paidUsd)} paid, ${formatUsd(m.committedUsd)} committed)${upTo}`);
  } else if (m.ceilingUsd > 0) parts.push(`up to ${formatUsd(m.ceilingUsd)} (nothing binding)`);
  if (m.contractValueUsd > 0) parts.push(`${formatUsd(m.contractValueUsd)} contract value`);
  if (m.stakeValueUsd > 0) parts.push(`stake valued at ${formatUsd(m.stakeValueUsd)}`);
  if (parts.length === 0 && m.undisclosedCount > 0) return 'undisclosed';
  if (m.undisclosedCount > 0) parts.push(`${m.undisclosedCount} undisclosed`);
  return parts.join(', ');
}
