// No CSV parser is among the project's dependencies, and the dialect the import accepts is small and strict (RFC 4180
// plus a detected delimiter), so it is read here, in one pass, rather than adding a package for it.

/** The delimiters a file may use: the comma of RFC 4180, or the semicolon spreadsheets write where a comma is the decimal mark. */
export type CsvDelimiter = ',' | ';';

/** One record of a CSV file: its cells and where it starts (1-based line), for error messages. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  /** Every record in file order, the header first; a line with nothing on it is a record of one empty cell. */
  readonly records: CsvRecord[];
}

/** A file that is not well-formed CSV; `line` and `column` (1-based, in characters) say where reading stopped. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, character ${column}: ${reason}`);
  }
}

const BOM = '\uFEFF';

/**
 * The delimiter of the first record (the header): whichever of comma and semicolon occurs more often outside quotes.
 * A header of one column has neither and is read with commas.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text.startsWith(BOM) ? text.slice(1) : text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas += 1;
    else if (!quoted && c === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads CSV text (RFC 4180): fields separated by the delimiter, records by CRLF (LF or a lone CR are taken too); a
 * field that starts with a double quote runs to the next lone double quote and may hold delimiters, doubled quotes and
 * line breaks, kept as written. A quote inside an unquoted field, text after a closing quote and a quote left open are
 * errors, not guesses. A leading byte-order mark is dropped; a final line break is optional.
 */
export function readCsv(input: string, delimiter: CsvDelimiter = detectDelimiter(input)): CsvTable {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let lineStart = 0;
  let recordLine = 1;
  let i = 0;
  const column = (at: number) => at - lineStart + 1;
  const endRecord = () => {
    cells.push(field);
    records.push({ line: recordLine, cells });
    cells = [];
    field = '';
  };
  /** Past a line break at i (CRLF, LF or CR): the next line starts after it. */
  const newLine = (at: number): number => {
    const next = text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
    line += 1;
    lineStart = next;
    return next;
  };

  while (i < text.length) {
    // At the start of a field.
    if (text[i] === '"') {
      const openLine = line;
      const openColumn = column(i);
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(openLine, openColumn, 'a quoted field is never closed');
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\r' || c === '\n') {
          const next = newLine(i);
          field += text.slice(i, next);
          i = next;
          continue;
        }
        field += c;
        i += 1;
      }
      const after = text[i];
      if (after !== undefined && after !== delimiter && after !== '\r' && after !== '\n') {
        throw new CsvSyntaxError(line, column(i), `"${after}" after the closing quote of a field (a quote inside a quoted field is written "")`);
      }
    } else {
      while (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new CsvSyntaxError(line, column(i), 'a quote inside a field that does not start with one (quote the whole field and double the quote)');
        field += text[i];
        i += 1;
      }
    }
    // At the end of a field.
    if (i >= text.length) break;
    if (text[i] === delimiter) {
      cells.push(field);
      field = '';
      i += 1;
      // A delimiter as the very last character still ends a field: the empty one after it.
      if (i >= text.length) break;
      continue;
    }
    endRecord();
    i = newLine(i);
    recordLine = line;
  }
  // The last record, unless the text ended with a line break (or is empty).
  if (cells.length > 0 || field !== '' || (text.length > 0 && !/[\r\n]$/.test(text))) endRecord();
  return { delimiter, records };
}
