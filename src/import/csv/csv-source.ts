import type { ErrorObject } from 'ajv';
import type { CypherCatalog } from '../../neo4j/cypher-catalog';
import type { Database } from '../../neo4j/database';
import { DatasetError, datasetSchemaErrors, type Dataset, type SectionName } from '../../seed/dataset';
import { toInputs } from '../../seed/to-inputs';
import type { DatasetSource } from '../dataset-source';
import { resolveCompanyNames } from './company-names';
import { fileNameOf, readCsvFolder, type CsvFolder } from './csv-folder';
import { CsvRejectedError, csvPlace, type CsvProblem } from './csv-problem';

/** Problems shown at most: enough to fix a spreadsheet's pattern of mistakes, short enough to read. */
const MAX_PROBLEMS = 50;

const DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

function stop(problems: CsvProblem[]): never {
  throw new CsvRejectedError(problems.slice(0, MAX_PROBLEMS));
}

/** Where a record's field is: "investments.csv row 5, column investorId". */
function placeOf(folder: CsvFolder, section: SectionName, index: number, column?: string): Pick<CsvProblem, 'file' | 'row' | 'line' | 'column'> {
  const place = folder.places[section]?.[index];
  return { file: fileNameOf(section), row: place?.row, line: place?.line, column };
}

/** A JSON Schema error as a placed problem; the anyOf wrapper and "must be null" of a nullable column say nothing more. */
function schemaProblem(folder: CsvFolder, dataset: Dataset, error: ErrorObject): CsvProblem | undefined {
  if (error.keyword === 'anyOf' || (error.keyword === 'type' && error.params.type === 'null')) return undefined;
  const [section, index, column, ...inside] = error.instancePath.split('/').slice(1);
  if (section === undefined || index === undefined) return undefined;
  const field = column ?? (error.params.missingProperty as string | undefined);
  const value = column === undefined ? undefined : (dataset[section as SectionName] as Record<string, unknown>[])[Number(index)]?.[column];
  let message = `${inside.length > 0 ? `${inside.join('.')} ` : ''}${error.message ?? 'is not valid'}`;
  if (error.keyword === 'pattern' && error.params.pattern === DATE_PATTERN) message = `${inside.length > 0 ? `${inside.join('.')} ` : ''}is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  if (error.keyword === 'enum') message += ` (${(error.params.allowedValues as unknown[]).filter((v) => v !== null).join(', ')})`;
  if (error.keyword === 'required') message = 'is empty; it must have a value';
  const shown = inside.length === 0 && (typeof value === 'string' || typeof value === 'number') ? `${JSON.stringify(value)}: ` : '';
  return { ...placeOf(folder, section as SectionName, Number(index), field), code: 'INVALID_VALUE', message: `${shown}${message}` };
}

/**
 * A folder of CSV files as a dataset source for the import: read (layout and cells), company names resolved to ids,
 * then the same JSON Schema and mutation rules as a JSON file, every problem placed by file, row and column.
 */
export async function csvSource(db: Database, catalog: CypherCatalog, folder: string): Promise<DatasetSource> {
  const read = readCsvFolder(folder);
  if (read.problems.length > 0) stop(read.problems);
  const names = await resolveCompanyNames(db, catalog, read);
  if (names.problems.length > 0) stop(names.problems);

  const now = new Date();
  const dataset = { version: `${now.getUTCFullYear()}.${now.getUTCMonth() + 1}.${now.getUTCDate()}`, ...read.records } as Dataset;
  const seen = new Set<string>();
  const schemaProblems = datasetSchemaErrors(dataset)
    .map((error) => schemaProblem(read, dataset, error))
    .filter((problem): problem is CsvProblem => {
      const key = problem && `${csvPlace(problem)} ${problem.message}`;
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (schemaProblems.length > 0) stop(schemaProblems);

  return {
    sha256: read.sha256,
    resolvedNames: names.resolved,
    locate: (section, index, field) => csvPlace(placeOf(read, section, index, field)),
    inputs: async () => {
      try {
        return await toInputs(dataset);
      } catch (error) {
        if (!(error instanceof DatasetError) || error.records.length === 0) throw error;
        return stop(
          error.records.map((problem) => ({
            ...placeOf(read, problem.section, problem.index, [...new Set(problem.fields)].join(', ') || undefined),
            code: 'INVALID_RECORD' as const,
            message: problem.message,
          })),
        );
      }
    },
  };
}
