import { ImportRejectedError } from '../preflight';

/** What is wrong with a CSV import, as a code a script can test for; docs/import.md lists them. */
export type CsvProblemCode =
  | 'NOT_UTF8'
  | 'CSV_SYNTAX'
  | 'UNKNOWN_FILE'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'MISSING_COLUMN'
  | 'CELL_COUNT'
  | 'BAD_NUMBER'
  | 'BAD_LIST'
  | 'INVALID_VALUE'
  | 'INVALID_RECORD'
  | 'UNKNOWN_COMPANY'
  | 'AMBIGUOUS_COMPANY'
  | 'UNKNOWN_REFERENCE'
  | 'DUPLICATE_ID'
  | 'CLASH';

/** A company a name might mean, with how sure the matching is. */
export interface CompanyCandidate {
  readonly id: string;
  readonly name: string;
  readonly score: number;
  /** Why it is a candidate (NAME, ALIAS, FULL_TEXT...: src/company/match). */
  readonly reason: string;
}

/**
 * One problem, where it is: the file, the row as a spreadsheet numbers it (the header is row 1; a record whose cells
 * hold line breaks is still one row) and the column by its header name. `line` is the file's text line where it differs.
 */
export interface CsvProblem {
  readonly file: string;
  readonly row?: number;
  readonly line?: number;
  readonly column?: string;
  readonly code: CsvProblemCode;
  readonly message: string;
  readonly candidates?: readonly CompanyCandidate[];
}

/** "investments.csv row 5, column investorId" (with the text line when it differs from the row). */
export function csvPlace(problem: Pick<CsvProblem, 'file' | 'row' | 'line' | 'column'>): string {
  const row =
    problem.row !== undefined
      ? ` row ${problem.row}${problem.line !== undefined && problem.line !== problem.row ? ` (line ${problem.line})` : ''}`
      : problem.line !== undefined
        ? ` line ${problem.line}`
        : '';
  return `${problem.file}${row}${problem.column === undefined ? '' : `, column ${problem.column}`}`;
}

/** One problem as the import prints it; candidates each on a line of their own beneath. */
export function formatCsvProblem(problem: CsvProblem): string {
  const candidates = (problem.candidates ?? []).map((c) => `\n      candidate: ${c.id} (${c.name}, ${c.reason}, score ${c.score.toFixed(2)})`).join('');
  return `${csvPlace(problem)}: ${problem.code}: ${problem.message}${candidates}`;
}

/** A CSV folder that cannot be imported, every problem placed; nothing has been written when it is thrown. */
export class CsvRejectedError extends ImportRejectedError {
  constructor(readonly located: readonly CsvProblem[]) {
    super(located.map(formatCsvProblem));
  }
}
