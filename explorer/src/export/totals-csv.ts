// The rankings and over-time panels' answers as CSV, written by the project's shared encoder (RFC 4180, CRLF; see its
// note on spreadsheet formulas): one row per group, the money by kind in USD as numbers.

import { csvRow } from '../../../src/export/formats/csv';
import type { TotalsExtreme } from '../api/totals-catalogue';
import type { Money } from '../api/types';
import { MONEY_KINDS } from '../format/money';
import type { QuarterColumn, RankingRow } from '../state/totals-view';

const MONEY_COLUMNS = ['headlineUsd', ...MONEY_KINDS.map((kind) => kind.field), 'undisclosedCount'] as const;

function moneyCells(money: Money | null): unknown[] {
  return MONEY_COLUMNS.map((field) => (money ? money[field] : 0));
}

/** rank, the key (id and name of a company; the kind or country twice otherwise), count, money by kind, extremes. */
export function rankingsCsv(rows: readonly RankingRow[], extremes: readonly TotalsExtreme[]): string {
  return (
    csvRow(['rank', 'key', 'name', 'count', ...MONEY_COLUMNS, ...extremes.map((extreme) => extreme.field)]) +
    rows.map((row) => csvRow([row.rank, row.keyValue, row.label, row.group.count, ...moneyCells(row.group.money), ...extremes.map((extreme) => row.group[extreme.field] ?? null)])).join('')
  );
}

/** quarter (the API's bucket: "2024-Q?" for a fact dated only to its year), precision, count, money by kind. */
export function overTimeCsv(columns: readonly QuarterColumn[]): string {
  return (
    csvRow(['quarter', 'precision', 'count', ...MONEY_COLUMNS]) +
    columns.map((column) => csvRow([column.bucket, column.precision, column.group?.count ?? 0, ...moneyCells(column.group?.money ?? null)])).join('')
  );
}

/** "ai-industry-rankings-investment-investor-headline-today.csv". */
export function totalsFileName(parts: readonly string[], asOf: string | null): string {
  return `ai-industry-${[...parts, asOf ?? 'today'].map((part) => part.toLowerCase().replace(/[^a-z0-9]+/g, '-')).join('-')}.csv`;
}
