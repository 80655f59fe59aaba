import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { ErrorCode } from '../domain/errors';
import { FACTS, type FactSection } from '../facts/registry';
import { projectRoot } from '../platform/project-root';
import { DATASET_SCHEMA_FILE as SCHEMA_FILE } from './dataset-schema';

/** The records of one fact section, as the record mutation takes them (dates as strings, sources by id). */
export type FactRecords = (Record<string, unknown> & { id: string; sourceIds: string[] })[];


/** The dataset file format (data/seed/dataset.schema.json): what `npm run seed` and `npm run import` read. */
export type Dataset = {
  version: string;
  description?: string;
  sources: { id: string; url: string; publisher: string; title: string; publishedOn?: string | null; kind?: string; originalPublisher?: string | null }[];
  companies: {
    id: string;
    name: string;
    aliases?: string[];
    formerNames?: string[];
    kind: string;
    country?: string | null;
    founded?: string | null;
    website?: string | null;
    description?: string | null;
    externalIds?: { scheme: string; value: string; source: string }[];
  }[];
} & { [section in FactSection]: FactRecords };

/** The sections of a dataset file, in file order: sources and companies before the facts that cite them. */
export const DATASET_SECTIONS: readonly SectionName[] = ['sources', 'companies', ...FACTS.map((definition) => definition.section as FactSection)];

export type SectionName = 'sources' | 'companies' | FactSection;

export const SEED_FILE = path.join(projectRoot(), 'data', 'seed', 'ai-industry.json');

/** A record the mutations' validation refuses: its section and position in it, and the fields at fault. */
export interface RecordProblem {
  readonly section: SectionName;
  readonly index: number;
  readonly fields: readonly string[];
  readonly message: string;
}

/** A dataset that fails validation; the message lists where and why (`records`: which records, when known). */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  /** As the API would code the same record refused by a mutation. */
  readonly code = ErrorCode.BAD_USER_INPUT;

  constructor(
    message: string,
    readonly records: readonly RecordProblem[] = [],
  ) {
    super(message);
  }
}

/** Reads a dataset file and checks it against the JSON Schema (shape only; record rules come at write time). */
export function readDataset(file: string = SEED_FILE): Dataset {
  return parseDataset(readDatasetBytes(file).toString('utf8'), file);
}

/** A dataset file's bytes; a file that cannot be read is a DatasetError like one that cannot be parsed. */
export function readDatasetBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new DatasetError(`${file}: not readable JSON (${(error as Error).message})`);
  }
}

let validator: ValidateFunction | undefined;

/** Where and why a parsed dataset does not match the JSON Schema (every problem; none: it matches). */
export function datasetSchemaErrors(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/** A dataset file's text, parsed and checked against the JSON Schema; `file` names it in errors. */
export function parseDataset(text: string, file: string): Dataset {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`${file}: not readable JSON (${(error as Error).message})`);
  }
  const errors = datasetSchemaErrors(data);
  if (errors.length > 0) {
    const problems = errors.slice(0, 20).map((e) => `  ${e.instancePath || '/'} ${e.message}`);
    throw new DatasetError(`${file} does not match dataset.schema.json:\n${problems.join('\n')}`);
  }
  // A file written before a fact type existed has no section for it: that is no fact of that type.
  const dataset = data as Record<string, unknown>;
  for (const definition of FACTS) dataset[definition.section] ??= [];
  return dataset as Dataset;
}
