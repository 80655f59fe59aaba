import type { SectionColumn } from '../../export/dataset-records';

/** A plain number: digits, an optional point and decimals, an optional exponent (as JavaScript writes large ones). */
const PLAIN_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** What a cell cannot be read as: the reason, coded. */
export interface CellProblem {
  readonly code: 'BAD_NUMBER' | 'BAD_LIST';
  readonly message: string;
}

/** The JSON types a column's schema admits (directly or through anyOf). */
function typesOf(schema: Readonly<Record<string, unknown>>): unknown[] {
  return [schema.type, ...((schema.anyOf as { type?: unknown }[] | undefined) ?? []).map((s) => s.type)].flat();
}

/**
 * A cell back as the dataset value its column holds, the inverse of what the CSV export writes: empty is no value,
 * a list column's JSON text its list, a number column's plain number its number, and everything else the text as it is
 * (ids, dates, codes and names stay text, so leading zeros and spaces survive).
 */
export function cellValue(cell: string, column: SectionColumn): { value: unknown } | { problem: CellProblem } {
  if (cell === '') return { value: undefined };
  const types = typesOf(column.schema);
  if (types.includes('array') || types.includes('object')) {
    let value: unknown;
    try {
      value = JSON.parse(cell);
    } catch {
      return { problem: { code: 'BAD_LIST', message: `${JSON.stringify(cell)} is not a list as the export writes it (JSON text, e.g. ["a","b"])` } };
    }
    return Array.isArray(value) ? { value } : { problem: { code: 'BAD_LIST', message: `${JSON.stringify(cell)} is not a list (JSON text in [ ])` } };
  }
  if (types.includes('number') || types.includes('integer')) {
    if (!PLAIN_NUMBER.test(cell)) {
      return { problem: { code: 'BAD_NUMBER', message: `${JSON.stringify(cell)} is not a plain number (digits and a decimal point, no thousands separators, currency or spaces)` } };
    }
    return { value: Number(cell) };
  }
  return { value: cell };
}
