// Totals answers as the panels draw them: a ranking's rows (a group's name and the value it is ranked by) and an
// over-time chart's columns (every quarter from the first to the last, and each year's "quarter unknown" bucket
// beside its quarters, never spread into them).

import type { RankMeasure, Grouping } from '../api/totals-catalogue';
import type { CompanyRef, Money, TotalsGroup } from '../api/types';

export interface RankingRow {
  rank: number;
  /** The company of a company grouping, else null. */
  company: CompanyRef | null;
  /** The key's text: a company's name, a kind, a country. */
  label: string;
  /** The key as the API wrote it (a company's id, the kind, the country), for exports. */
  keyValue: string | null;
  /** What the group is ranked by; null when it has none (no valuation reported). */
  value: number | null;
  group: TotalsGroup;
}

function isCompany(value: unknown): value is CompanyRef {
  return typeof value === 'object' && value !== null && 'id' in value && 'name' in value;
}

/** The value of a measure in a group: a Money field, the count, or an extreme (null when none is reported). */
export function measureValue(group: TotalsGroup, measure: RankMeasure): number | null {
  if (measure.source === 'count') return group.count;
  if (measure.source === 'money') return group.money[measure.field as keyof Money] as number;
  const value = group[measure.field];
  return typeof value === 'number' ? value : null;
}

/** The groups of a ranking in the API's order, named for the grouping. */
export function rankingRows(groups: readonly TotalsGroup[], grouping: Grouping, measure: RankMeasure): RankingRow[] {
  return groups.map((group, i) => {
    const key = group.key[grouping.key] ?? null;
    const company = isCompany(key) ? key : null;
    const text = typeof key === 'string' ? key : null;
    return {
      rank: i + 1,
      company,
      label: company?.name ?? text ?? `(no ${grouping.party.label.toLowerCase()}${grouping.kind === 'company' ? '' : ` ${grouping.kind}`})`,
      keyValue: company?.id ?? text,
      value: measureValue(group, measure),
      group,
    };
  });
}

/** One column of the over-time chart. */
export interface QuarterColumn {
  /** The API's bucket ("2024-Q3", "2024-Q?"), null for undated facts. */
  bucket: string | null;
  year: number | null;
  /** 1-4; null for a year's "quarter unknown" bucket and for undated facts. */
  quarter: number | null;
  /** quarter: a known quarter; year: dated only to the year; undated: no date. */
  precision: 'quarter' | 'year' | 'undated';
  label: string;
  /** The group, null for a quarter with no fact (drawn empty, so the time axis stays even). */
  group: TotalsGroup | null;
}

const QUARTER = /^(\d{4})-Q([1-4?])$/;

/** Where a column sorts: years in order, each year's quarters, then its "quarter unknown"; undated last. */
function position(column: QuarterColumn): number {
  if (column.year === null) return Number.MAX_SAFE_INTEGER;
  return column.year * 10 + (column.quarter ?? 5);
}

function column(bucket: string | null, group: TotalsGroup | null): QuarterColumn {
  const match = bucket === null ? null : QUARTER.exec(bucket);
  if (!match) return { bucket, year: null, quarter: null, precision: 'undated', label: 'undated', group };
  const year = Number(match[1]);
  if (match[2] === '?') return { bucket, year, quarter: null, precision: 'year', label: `${year}, quarter unknown`, group };
  return { bucket, year, quarter: Number(match[2]), precision: 'quarter', label: `${year} Q${match[2]}`, group };
}

/**
 * The chart's columns from groups keyed by quarter: every quarter from the first known one to the last (empty where
 * no fact falls), each year's facts dated only to the year in their own column after its Q4, undated facts last.
 */
export function quarterColumns(groups: readonly TotalsGroup[]): QuarterColumn[] {
  const given = groups.map((group) => column(typeof group.key.quarter === 'string' ? group.key.quarter : null, group));
  const known = given.filter((c) => c.precision === 'quarter').map(position);
  const filled = new Map(given.map((c) => [position(c), c]));
  if (known.length > 0) {
    const first = Math.min(...known);
    const last = Math.max(...known);
    for (let at = first; at <= last; at += at % 10 === 4 ? 7 : 1) {
      if (!filled.has(at)) filled.set(at, column(`${Math.floor(at / 10)}-Q${at % 10}`, null));
    }
  }
  return [...filled.values()].sort((a, b) => position(a) - position(b));
}
