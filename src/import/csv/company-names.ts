import { FACTS } from '../../facts/registry';
import type { CypherCatalog } from '../../neo4j/cypher-catalog';
import type { Database } from '../../neo4j/database';
import type { SectionName } from '../../seed/dataset';
import type { CsvFolder } from './csv-folder';
import { fileNameOf } from './csv-folder';
import type { CompanyCandidate, CsvProblem } from './csv-problem';

/** What a name matched: the company when the match is certain, else the companies it might mean (none: unknown). */
export interface NameMatch {
  readonly certain?: CompanyCandidate;
  readonly candidates: readonly CompanyCandidate[];
}

/** Looks names up among the database's companies (the project's one company matcher). */
export type CompanyNameMatcher = (names: readonly string[]) => Promise<ReadonlyMap<string, NameMatch>>;

/** A company cell that held a name, and the id it was resolved to. */
export interface ResolvedName {
  readonly file: string;
  readonly row: number;
  readonly column: string;
  readonly name: string;
  readonly id: string;
  readonly score: number;
}

/** Ids per lookup: the same chunking as the pre-flight's. */
const LOOKUP_CHUNK = 20000;

/** A company cell of a fact record: where it is, and for a list column which element. */
interface CompanyCell {
  readonly section: SectionName;
  readonly index: number;
  readonly column: string;
  readonly element?: number;
  readonly value: string;
}

function companyCells(folder: CsvFolder): CompanyCell[] {
  const cells: CompanyCell[] = [];
  for (const definition of FACTS) {
    const section = definition.section as SectionName;
    folder.records[section].forEach((record, index) => {
      for (const party of definition.parties) {
        const value = record[party.idField];
        if (typeof value === 'string') cells.push({ section, index, column: party.idField, value });
        else if (Array.isArray(value)) value.forEach((v, element) => typeof v === 'string' && cells.push({ section, index, column: party.idField, element, value: v }));
      }
    });
  }
  return cells;
}

/**
 * Company cells (investor, investee, provider, customer...) that hold neither a company id of companies.csv nor one of
 * the database are names: each is looked up with the company matcher and replaced by the id of its one certain match.
 * A name with no certain match (ambiguous, or unknown) is a problem listing its candidates, and stops the import.
 * Mutates `folder.records` for the names it resolves.
 */
export async function resolveCompanyNames(
  db: Database,
  catalog: CypherCatalog,
  folder: CsvFolder,
  matcher: CompanyNameMatcher | undefined,
): Promise<{ resolved: ResolvedName[]; problems: CsvProblem[] }> {
  const inFile = new Set(folder.records.companies.map((company) => company.id));
  const cells = companyCells(folder).filter((cell) => !inFile.has(cell.value));
  const asked = [...new Set(cells.map((cell) => cell.value))];
  const missing = new Set<string>();
  for (let i = 0; i < asked.length; i += LOOKUP_CHUNK) {
    const [row] = await db.readRows(catalog.get('import/missing-companies'), { ids: asked.slice(i, i + LOOKUP_CHUNK) });
    for (const id of (row?.missing as string[]) ?? []) missing.add(id);
  }
  const names = [...missing];
  const matches = names.length > 0 && matcher ? await matcher(names) : new Map<string, NameMatch>();

  const resolved: ResolvedName[] = [];
  const problems: CsvProblem[] = [];
  for (const cell of cells.filter((c) => missing.has(c.value))) {
    const place = folder.places[cell.section][cell.index];
    const at = { file: fileNameOf(cell.section), row: place?.row, line: place?.line, column: cell.column };
    const match = matches.get(cell.value);
    if (match?.certain) {
      const record = folder.records[cell.section][cell.index] as Record<string, unknown>;
      if (cell.element === undefined) record[cell.column] = match.certain.id;
      else (record[cell.column] as string[])[cell.element] = match.certain.id;
      resolved.push({ ...at, row: place?.row ?? 0, name: cell.value, id: match.certain.id, score: match.certain.score });
    } else if (match && match.candidates.length > 0) {
      problems.push({ ...at, code: 'AMBIGUOUS_COMPANY', message: `"${cell.value}" is no company id and could name ${match.candidates.length} companies; write the id of the one meant`, candidates: match.candidates });
    } else {
      problems.push({ ...at, code: 'UNKNOWN_COMPANY', message: `"${cell.value}" is no company id in companies.csv or the database, nor the name of one` });
    }
  }
  return { resolved, problems };
}
