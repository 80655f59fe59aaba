import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { projectRoot } from '../common/project-root';

/** The dataset file format (data/seed/dataset.schema.json): what `npm run seed` and `npm run import` read. */
export interface Dataset {
  version: string;
  description?: string;
  sources: { id: string; url: string; publisher: string; title: string; publishedOn?: string | null }[];
  companies: {
    id: string;
    name: string;
    aliases?: string[];
    kind: string;
    country?: string | null;
    founded?: string | null;
    website?: string | null;
    description?: string | null;
  }[];
  investments: (Record<string, unknown> & { id: string; announcedOn: string; closedOn?: string | null; sourceIds: string[] })[];
  computeDeals: (Record<string, unknown> & { id: string; announcedOn: string; startsOn?: string | null; endsOn?: string | null; sourceIds: string[] })[];
  rivalries: (Record<string, unknown> & { id: string; companyIds: string[]; since?: string | null; sourceIds: string[] })[];
  subsidiaries: (Record<string, unknown> & { id: string; since?: string | null; sourceIds: string[] })[];
  acquisitions: (Record<string, unknown> & { id: string; announcedOn: string; sourceIds: string[] })[];
}

/** The sections of a dataset file, in file order: sources and companies before the facts that cite them. */
export const DATASET_SECTIONS = ['sources', 'companies', 'investments', 'computeDeals', 'rivalries', 'subsidiaries', 'acquisitions'] as const;

export type SectionName = (typeof DATASET_SECTIONS)[number];

export const SEED_FILE = path.join(projectRoot(), 'data', 'seed', 'ai-industry.json');
const SCHEMA_FILE = path.join(projectRoot(), 'data', 'seed', 'dataset.schema.json');

/** A dataset that fails validation; the message lists where and why. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
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

/** A dataset file's text, parsed and checked against the JSON Schema; `file` names it in errors. */
export function parseDataset(text: string, file: string): Dataset {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`${file}: not readable JSON (${(error as Error).message})`);
  }
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  if (!validate(data)) {
    const problems = (validate.errors ?? []).slice(0, 20).map((e) => `  ${e.instancePath || '/'} ${e.message}`);
    throw new DatasetError(`${file} does not match dataset.schema.json:\n${problems.join('\n')}`);
  }
  return data as Dataset;
}
