// How generated numbers are written: zero-padded ids, amounts rounded as reported.

export function padded(index: number, width: number): string {
  return String(index).padStart(width, '0');
}

/** Amounts as reported: rounded to three significant figures, at least $10K. */
export function roundAmount(usd: number): number {
  const magnitude = 10 ** Math.max(4, Math.floor(Math.log10(Math.max(usd, 1e4))) - 2);
  return Math.min(1e13, Math.max(1e4, Math.round(usd / magnitude) * magnitude));
}
