import { CompanyMatcher, MAX_MATCH_NAME_LENGTH, MAX_MATCH_NAMES } from '../../company/match/company-matcher';
import { FACTS } from '../../facts/registry';
import { CERTAIN_SCORE } from '../../company/match/match-rule';
import type { CypherCatalog } from '../../neo4j/cypher-catalog';
import type { Database } from '../../neo4j/database';
import type { SectionName } from '../../seed/dataset';
import type { CsvFolder } from './csv-folder';
import { fileNameOf } from './csv-folder';
import type { CompanyCandidate, CsvProblem } from './csv-problem';

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
 * A name with several certain matches (AMBIGUOUS_COMPANY) or none (UNKNOWN_COMPANY, with any look-alikes) is a
 * problem listing its candidates, and stops the import.
 * Mutates `folder.records` for the names it resolves.
 */
export async function resolveCompanyNames(db: Database, catalog: CypherCatalog, folder: CsvFolder): Promise<{ resolved: ResolvedName[]; problems: CsvProblem[] }> {
  const inFile = new Set(folder.records.companies.map((company) => company.id));
  const cells = companyCells(folder).filter((cell) => !inFile.has(cell.value));
  const asked = [...new Set(cells.map((cell) => cell.value))];
  const missing = new Set<string>();
  for (let i = 0; i < asked.length; i += LOOKUP_CHUNK) {
    const [row] = await db.inspectRows(catalog.get('import/missing-companies'), { ids: asked.slice(i, i + LOOKUP_CHUNK) });
    for (const id of (row?.missing as string[]) ?? []) missing.add(id);
  }
  // The project's one matching rule (src/company/match): certain means exact (name, alias, former name, domain or an
  // external id such as a CIK), never merely alike.
  const matcher = new CompanyMatcher(db, catalog);
  // A cell longer than any company name is no name: it stays unknown rather than being refused by the matcher.
  const names = [...missing].filter((name) => name.length <= MAX_MATCH_NAME_LENGTH);
  const matches = new Map<string, { certain?: CompanyCandidate; candidates: CompanyCandidate[] }>();
  for (let i = 0; i < names.length; i += MAX_MATCH_NAMES) {
    for (const match of await matcher.match(names.slice(i, i + MAX_MATCH_NAMES))) {
      const candidates = match.candidates.map((c) => ({ id: c.company.id, name: c.company.name, score: c.score, reason: c.reason }));
      matches.set(match.name, { certain: match.certain ? candidates[0] : undefined, candidates });
    }
  }

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
    } else {
      const candidates = match?.candidates ?? [];
      const sure = candidates.filter((candidate) => candidate.score >= CERTAIN_SCORE).length;
      problems.push(
        sure > 1
          ? { ...at, code: 'AMBIGUOUS_COMPANY', message: `"${cell.value}" names ${sure} companies for certain; write the id of the one meant`, candidates }
          : {
              ...at,
              code: 'UNKNOWN_COMPANY',
              message: `"${cell.value}" is no company id in companies.csv or the database, nor any company's name for certain${candidates.length > 0 ? ' (look-alikes below)' : ''}`,
              ...(candidates.length > 0 ? { candidates } : {}),
            },
      );
    }
  }
  return { resolved, problems };
}
