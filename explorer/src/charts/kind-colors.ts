import type { MONEY_KINDS } from '../format/money';

/** One colour per money kind, the stylesheet's ([data-kind] in styles.css) for the charts, which draw in SVG. */
export const KIND_COLORS: Readonly<Record<(typeof MONEY_KINDS)[number]['field'], string>> = {
  paidUsd: '#2e7d32',
  committedUsd: '#81c784',
  ceilingUsd: '#ffb74d',
  contractValueUsd: '#1e88e5',
  stakeValueUsd: '#8e24aa',
};

/** The grey of a quarter whose facts all have undisclosed amounts. */
export const UNDISCLOSED_COLOR = '#8c959f';

/** The tint and edge of a column that is not a quarter (a year's "Q?" bucket, undated facts). */
export const DISTINCT_TINT = 'rgba(106, 27, 154, 0.08)';
export const DISTINCT_EDGE = '#6a1b9a';

export const AXIS_TEXT = '#57606a';
