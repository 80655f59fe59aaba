// How each kind of relation, company and money is drawn: the graph's stylesheet and its legend both read this.

import type { CompanyKind, RelationKind, RelationKindInfo } from '../api/types';

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface RelationStyle {
  label: string;
  color: string;
  line: LineStyle;
  /** Symmetric relations (rivalries) have no direction to show. */
  directed: boolean;
  meaning: string;
  /** The edge stands for all the facts of a pair and is as wide as their headline money (investments, compute). */
  money: boolean;
}

/** Colours given to the relation kinds in the order the API lists them: a new kind takes the next one. */
export const RELATION_COLORS: readonly string[] = ['#2e7d32', '#1565c0', '#c62828', '#6a1b9a', '#8d6e63', '#00838f', '#ef6c00', '#ad1457', '#827717', '#37474f'];

/** "SUPPLIES_COMPUTE" -> "Supplies compute". */
export function relationLabel(kind: RelationKind): string {
  const words = kind.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A kind's style from the API's description of it, in the colour of its place in the list. */
function styleOf(info: RelationKindInfo, index: number): RelationStyle {
  return {
    label: relationLabel(info.kind),
    color: RELATION_COLORS[index % RELATION_COLORS.length] as string,
    line: info.symmetric ? 'dashed' : 'solid',
    directed: !info.symmetric,
    meaning: info.symmetric ? info.description : info.description.replace(/ to /g, ' → '),
    money: info.perPair && info.carriesMoney,
  };
}

/**
 * The relation kinds' styles, made from the API's list of kinds (query relationKinds): the explorer keeps no list of
 * its own, so a kind the API adds is drawn, coloured and in the legend with no change here. A kind it does not know
 * (an answer from a newer server) is drawn grey.
 */
export class RelationPalette {
  private readonly styles: ReadonlyMap<RelationKind, RelationStyle>;

  constructor(readonly kinds: readonly RelationKindInfo[] = []) {
    this.styles = new Map(kinds.map((info, index) => [info.kind, styleOf(info, index)]));
  }

  style(kind: RelationKind): RelationStyle {
    return this.styles.get(kind) ?? { label: relationLabel(kind), color: '#9e9e9e', line: 'solid', directed: true, meaning: kind, money: false };
  }

  /** Every listed kind with its style, in the API's order. */
  entries(): [RelationKind, RelationStyle][] {
    return [...this.styles];
  }
}

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
