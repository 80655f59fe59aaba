import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sectionColumns, type SectionColumn } from '../../export/dataset-records';
import { CsvWriter } from '../../export/writers/csv-writer';
import { DATASET_SECTIONS, type SectionName } from '../../seed/dataset';
import { datasetSchema } from '../../seed/dataset-schema';
import { cellValue } from './csv-cell';
import type { CsvProblem } from './csv-problem';
import { CsvSyntaxError, readCsv } from './csv-reader';

/** Where a record came from: its row as a spreadsheet numbers it (header = 1) and the text line it starts on. */
export interface CsvPlace {
  readonly row: number;
  readonly line: number;
}

/** A folder of section files read into dataset records (not validated yet), with where each record came from. */
export interface CsvFolder {
  readonly records: Record<SectionName, Record<string, unknown>[]>;
  /** Per section, the place of each record, by its index in `records`. */
  readonly places: Record<SectionName, CsvPlace[]>;
  /** SHA-256 of the section files' names and bytes: a checkpoint applies only to the very files it was made for. */
  readonly sha256: string;
  readonly problems: CsvProblem[];
}

/** The file a section is read from, as the export names it. */
export const fileNameOf = (section: SectionName): string => path.basename(CsvWriter.fileOf('.', section));

let requiredCache: Map<string, Set<string>> | undefined;

/** The columns a section's records must have, from the same generated dataset schema as the columns. */
function requiredColumns(section: SectionName): Set<string> {
  requiredCache ??= new Map(
    Object.entries(datasetSchema().properties as Record<string, { items?: { required?: string[] } }>).map(([name, s]) => [name, new Set(s.items?.required ?? [])]),
  );
  return requiredCache.get(section) ?? new Set();
}

/** The file's text: UTF-8 (a byte-order mark is dropped by the reader), else a problem naming the line of the first bad byte. */
function decode(bytes: Buffer, file: string): { text: string } | { problem: CsvProblem } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lenient = bytes.toString('utf8');
    const at = lenient.indexOf('\uFFFD');
    const line = lenient.slice(0, Math.max(at, 0)).split('\n').length;
    return { problem: { file, line, code: 'NOT_UTF8', message: 'the file is not UTF-8 text (save it as "CSV UTF-8")' } };
  }
}

/** One section file's records, or the problems that stop it being read. */
function readSection(section: SectionName, file: string, text: string): { records: Record<string, unknown>[]; places: CsvPlace[]; problems: CsvProblem[] } {
  const records: Record<string, unknown>[] = [];
  const places: CsvPlace[] = [];
  const problems: CsvProblem[] = [];
  let table;
  try {
    table = readCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { records, places, problems: [{ file, line: error.line, code: 'CSV_SYNTAX', message: `${error.reason} (character ${error.column})` }] };
  }
  const [header, ...rows] = table.records;
  if (!header || header.cells.every((cell) => cell === '')) return { records, places, problems: [{ file, row: 1, code: 'MISSING_COLUMN', message: 'no header row (the first row names the columns)' }] };

  const known = new Map(sectionColumns(section).map((column) => [column.name, column]));
  const columns: (SectionColumn | undefined)[] = [];
  const seen = new Set<string>();
  for (const name of header.cells) {
    const column = known.get(name);
    if (!column) problems.push({ file, row: 1, column: name, code: 'UNKNOWN_COLUMN', message: `not a column of ${section} (columns: ${[...known.keys()].join(', ')})` });
    else if (seen.has(name)) problems.push({ file, row: 1, column: name, code: 'DUPLICATE_COLUMN', message: 'the column is named twice' });
    seen.add(name);
    columns.push(column);
  }
  for (const name of requiredColumns(section)) if (!seen.has(name)) problems.push({ file, row: 1, column: name, code: 'MISSING_COLUMN', message: `${section} need this column` });
  if (problems.length > 0) return { records, places, problems };

  rows.forEach((record, index) => {
    const row = index + 2;
    // Rows left empty (a spreadsheet's trailing ";;;;" rows, a blank line) are no records.
    if (record.cells.every((cell) => cell === '')) return;
    if (record.cells.length !== columns.length) {
      problems.push({ file, row, line: record.line, code: 'CELL_COUNT', message: `${record.cells.length} cells for ${columns.length} columns (a field holding the delimiter "${table.delimiter}" must be quoted)` });
      return;
    }
    const out: Record<string, unknown> = {};
    record.cells.forEach((cell, at) => {
      const column = columns[at] as SectionColumn;
      const read = cellValue(cell, column);
      if ('problem' in read) problems.push({ file, row, line: record.line, column: column.name, ...read.problem });
      else if (read.value !== undefined) out[column.name] = read.value;
    });
    records.push(out);
    places.push({ row, line: record.line });
  });
  return { records, places, problems };
}

/**
 * Reads a folder of CSV files laid out as `npm run export --format csv` writes them: one `<section>.csv` per section
 * (a missing file is an empty section, as a missing section is in a JSON file), a header row of column names in any
 * order, comma or semicolon delimited, UTF-8 with or without a byte-order mark. Cells are turned back into dataset
 * values; nothing is validated beyond the layout here (the import's own checks follow).
 */
export function readCsvFolder(folder: string): CsvFolder {
  const records = {} as Record<SectionName, Record<string, unknown>[]>;
  const places = {} as Record<SectionName, CsvPlace[]>;
  const problems: CsvProblem[] = [];
  const hash = crypto.createHash('sha256');
  const sections = new Map(DATASET_SECTIONS.map((section) => [fileNameOf(section), section]));
  for (const name of fs.readdirSync(folder).sort()) {
    if (name.toLowerCase().endsWith('.csv') && !sections.has(name)) {
      problems.push({ file: name, code: 'UNKNOWN_FILE', message: `not a section of the dataset (files: ${[...sections.keys()].join(', ')})` });
    }
  }
  for (const [name, section] of sections) {
    records[section] = [];
    places[section] = [];
    const file = path.join(folder, name);
    if (!fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file);
    hash.update(`${name}\u0000${bytes.length}\u0000`).update(bytes);
    const decoded = decode(bytes, name);
    if ('problem' in decoded) {
      problems.push(decoded.problem);
      continue;
    }
    const read = readSection(section, name, decoded.text);
    records[section] = read.records;
    places[section] = read.places;
    problems.push(...read.problems);
  }
  return { records, places, sha256: hash.digest('hex'), problems };
}
