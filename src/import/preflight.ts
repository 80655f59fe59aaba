import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database } from '../neo4j/database';
import type { ImportSection } from './import-sections';

/** Why a dataset cannot be imported; nothing has been written when it is thrown. */
export class ImportRejectedError extends Error {
  override readonly name = 'ImportRejectedError';
  constructor(readonly problems: string[]) {
    super(`the dataset cannot be imported (${problems.length === 1 ? '1 problem' : `${problems.length}+ problems`}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

const MAX_PROBLEMS = 20;
/** Ids per lookup statement: large enough to keep round trips few, small enough to keep each transaction light. */
const LOOKUP_CHUNK = 20000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rules that span records of the file: unique ids, one rivalry per pair and market, one parent, no ownership loops. */
function fileProblems(sections: ImportSection[]): string[] {
  const problems: string[] = [];
  for (const section of sections) {
    const seen = new Set<string>();
    for (const row of section.rows) {
      if (seen.has(row.id)) problems.push(`${section.name}: id "${row.id}" appears more than once`);
      seen.add(row.id);
    }
  }
  const byName = new Map(sections.map((s) => [s.name, s]));
  const pairs = new Map<string, string>();
  for (const row of byName.get('rivalries')?.rows ?? []) {
    const key = `${row.fromId}|${row.toId}|${(row.props as { market: string }).market}`;
    const other = pairs.get(key);
    if (other) problems.push(`rivalries: "${row.id}" repeats "${other}" (${row.fromId} and ${row.toId} in ${(row.props as { market: string }).market})`);
    else pairs.set(key, row.id);
  }
  const parentOf = new Map<string, string>();
  for (const row of byName.get('subsidiaries')?.rows ?? []) {
    const child = row.fromId as string;
    if (parentOf.has(child) && parentOf.get(child) !== row.toId) problems.push(`subsidiaries: ${child} is given two parents (${parentOf.get(child)} and ${row.toId})`);
    parentOf.set(child, row.toId as string);
  }
  for (const start of parentOf.keys()) {
    const path = [start];
    for (let at = parentOf.get(start); at !== undefined && path.length <= parentOf.size; at = parentOf.get(at)) {
      if (at === start) {
        problems.push(`subsidiaries: ownership loop ${[...path, at].join(' -> ')}`);
        break;
      }
      path.push(at);
    }
  }
  return problems;
}

/**
 * Everything that can be known before writing: the file's own rules, references the file does not define resolved
 * against the database, and records that clash with what the database already holds. Reads only; throws
 * ImportRejectedError listing up to 20 problems, so a bad file writes nothing.
 */
export async function preflight(db: Database, catalog: CypherCatalog, sections: ImportSection[]): Promise<void> {
  const problems = fileProblems(sections);
  const byName = new Map(sections.map((s) => [s.name, s]));
  const defined = (name: ImportSection['name']) => new Set((byName.get(name)?.rows ?? []).map((row) => row.id));

  const external = async (what: string, ids: Set<string>, statement: string) => {
    for (const chunk of chunks([...ids], LOOKUP_CHUNK)) {
      const [row] = await db.readRows(statement, { ids: chunk });
      for (const id of (row?.missing as string[]) ?? []) problems.push(`no ${what} with id "${id}" in the file or the database`);
      if (problems.length >= MAX_PROBLEMS) return;
    }
  };
  const companies = defined('companies');
  const sources = defined('sources');
  const investments = defined('investments');
  const unknownCompanies = new Set<string>();
  const unknownSources = new Set<string>();
  const unknownInvestments = new Set<string>();
  for (const section of sections) {
    for (const row of section.rows) {
      for (const id of [row.fromId, row.toId]) if (id !== undefined && !companies.has(id)) unknownCompanies.add(id);
      const cited = (row.sourceIds as string[] | undefined) ?? ((row.props as { sourceIds?: string[] } | undefined)?.sourceIds ?? []);
      for (const id of cited) if (!sources.has(id)) unknownSources.add(id);
      const related = row.relatedInvestmentId as string | null | undefined;
      if (related && !investments.has(related)) unknownInvestments.add(related);
    }
  }
  await external('company', unknownCompanies, catalog.get('common/missing-companies'));
  await external('source', unknownSources, catalog.get('common/missing-sources'));
  await external('investment', unknownInvestments, catalog.get('import/missing-investments'));

  for (const section of sections) {
    if (!section.conflicts || problems.length >= MAX_PROBLEMS) continue;
    for (const chunk of chunks(section.rows, LOOKUP_CHUNK)) {
      const clashes = await db.readRows(section.conflicts, { rows: chunk.map(({ id, fromId, toId, props }) => ({ id, fromId, toId, props })) });
      for (const clash of clashes) {
        problems.push(
          clash.existingId !== undefined
            ? `${section.name}: "${String(clash.id)}" (${String(clash.fromId)}, ${String(clash.toId)}) clashes with "${String(clash.existingId)}" already in the database`
            : `${section.name}: "${String(clash.id)}" is already recorded between ${String(clash.fromId)} and ${String(clash.toId)}`,
        );
      }
      if (problems.length >= MAX_PROBLEMS) break;
    }
  }
  if (problems.length > 0) throw new ImportRejectedError(problems.slice(0, MAX_PROBLEMS));
}
