// How each kind of relation, company and money is drawn: the graph's stylesheet and its legend both read this.

import type { CompanyKind, RelationKind } from '../api/types';

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface RelationStyle {
  label: string;
  color: string;
  line: LineStyle;
  /** Symmetric relations (rivalries) have no direction to show. */
  directed: boolean;
  meaning: string;
}

export const RELATION_STYLES: Readonly<Record<RelationKind, RelationStyle>> = {
  INVESTED_IN: { label: 'Invested in', color: '#2e7d32', line: 'solid', directed: true, meaning: 'investor → investee' },
  SUPPLIES_COMPUTE: { label: 'Supplies compute', color: '#1565c0', line: 'solid', directed: true, meaning: 'provider → customer' },
  COMPETES_WITH: { label: 'Competes with', color: '#c62828', line: 'dashed', directed: false, meaning: 'rivals in a market' },
  SUBSIDIARY_OF: { label: 'Subsidiary of', color: '#6a1b9a', line: 'solid', directed: true, meaning: 'subsidiary → parent' },
  ACQUIRED: { label: 'Acquired', color: '#8d6e63', line: 'solid', directed: true, meaning: 'acquirer → target' },
};

export const COMPANY_STYLES: Readonly<Record<CompanyKind, { label: string; color: string }>> = {
  AI_LAB: { label: 'AI lab', color: '#b39ddb' },
  BIG_TECH: { label: 'Big tech', color: '#90a4ae' },
  CLOUD: { label: 'Cloud', color: '#81d4fa' },
  NEOCLOUD: { label: 'Neocloud', color: '#80cbc4' },
  CHIPMAKER: { label: 'Chipmaker', color: '#ffcc80' },
  INVESTOR: { label: 'Investor', color: '#a5d6a7' },
  OTHER: { label: 'Other', color: '#e0e0e0' },
};

/**
 * How an edge's money is drawn. Only the headline (paid + committed) sets the width; an edge whose only money is a
 * ceiling ("up to", an open option, a letter of intent) is dotted and thin, because nothing binding moved.
 */
export type MoneyStyle = 'headline' | 'ceiling-only' | 'contract-only' | 'stake-only' | 'undisclosed' | 'none';

export const MONEY_STYLE_LEGEND: readonly { style: MoneyStyle; label: string }[] = [
  { style: 'headline', label: 'width: headline money (paid + committed), log scale' },
  { style: 'ceiling-only', label: 'dotted, thin: only a ceiling ("up to", option, letter of intent)' },
  { style: 'contract-only', label: 'faint: only a contract value (compute over a term)' },
  { style: 'stake-only', label: 'thin: only a stake value (not a payment)' },
  { style: 'undisclosed', label: 'thin: amount undisclosed' },
];

export const HIGHLIGHT_COLOR = '#ff9800';
