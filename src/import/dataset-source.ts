import fs from 'node:fs';
import { parseDataset, readDatasetBytes } from '../seed/dataset';
import { toInputs, type DatasetInputs } from '../seed/to-inputs';
import type { ResolvedName } from './csv/company-names';
import { fileSha256 } from './import-checkpoint';
import type { RecordLocator } from './preflight';

/** What the import reads: a JSON dataset file or a folder of CSV files, both ending as the same validated inputs. */
export interface DatasetSource {
  /** Of the bytes read: a checkpoint applies only to the very data it was made for. */
  readonly sha256: string;
  /** Every record as validated mutation inputs (JSON Schema, then the mutations' rules). */
  inputs(): Promise<DatasetInputs>;
  /** Names a record's field in the pre-flight's problems (a CSV file, row and column); none: by id only. */
  readonly locate?: RecordLocator;
  /** Company cells of a CSV that held a name resolved to an id. */
  readonly resolvedNames?: readonly ResolvedName[];
}

/** A JSON dataset file, read once: the checkpoint's hash is then of the very bytes that were validated. */
export function jsonSource(file: string): DatasetSource {
  const bytes = readDatasetBytes(file);
  const dataset = parseDataset(bytes.toString('utf8'), file);
  return { sha256: fileSha256(bytes), inputs: () => toInputs(dataset) };
}

/** Whether the import reads a CSV folder (a folder) or a JSON file (anything else). */
export const isCsvFolder = (file: string): boolean => fs.existsSync(file) && fs.statSync(file).isDirectory();
