import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database } from '../neo4j/database';
import type { ImportRow, ImportSection } from './import-sections';
import { humanName } from '../facts/human-name';
import type { SectionName } from '../seed/dataset';
import { EXTERNAL_ID_SCHEMES, EXTERNAL_ID_SCHEME_NAMES } from '../domain/external-id';
import { externalIdClashStatement } from '../neo4j/company-external-id-statements';

/** Names where a record's field is in what was read ("investments.csv row 5, column investorId"). */
export type RecordLocator = (section: SectionName, index: number, field?: string) => string;

/** A pre-flight problem's kind, printed with its place when the source can name one. */
type PreflightCode = 'UNKNOWN_REFERENCE' | 'DUPLICATE_ID' | 'CLASH' | 'RULE';

/** A record's field, by section and position. */
interface RecordAt {
  readonly section: SectionName;
  readonly index: number;
  readonly field?: string;
}

/** A problem as printed: as it always was, or after its place and code when the source locates records. */
function problem(locate: RecordLocator | undefined, code: PreflightCode, message: string, at: RecordAt | undefined): string {
  return locate && at ? `${locate(at.section, at.index, at.field)}: ${code}: ${message}` : message;
}

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

const parties = (row: ImportRow) => row.parties as Record<string, string | string[]>;

/**
 * The file's own view of the fact types' rules, checked before anything is written: one rivalry per pair and market,
 * one parent per company, no ownership loops.
 */
const FILE_RULES: Record<string, (section: ImportSection) => { index: number; message: string }[]> = {
  'rivalry-pair-unique': (section) => {
    const problems: { index: number; message: string }[] = [];
    const seen = new Map<string, string>();
    section.rows.forEach((row, index) => {
      const [a, b] = parties(row).companies as string[];
      const market = (row.props as { market: string }).market;
      const other = seen.get(`${a}|${b}|${market}`);
      if (other) problems.push({ index, message: `${section.name}: "${row.id}" repeats "${other}" (${a} and ${b} in ${market})` });
      else seen.set(`${a}|${b}|${market}`, row.id);
    });
    return problems;
  },
  'one-parent': (section) => {
    const problems: { index: number; message: string }[] = [];
    const parentOf = new Map<string, string>();
    section.rows.forEach((row, index) => {
      const { subsidiary, parent } = parties(row) as { subsidiary: string; parent: string };
      if (parentOf.has(subsidiary) && parentOf.get(subsidiary) !== parent) problems.push({ index, message: `${section.name}: ${subsidiary} is given two parents (${parentOf.get(subsidiary)} and ${parent})` });
      parentOf.set(subsidiary, parent);
    });
    return problems;
  },
  'no-ownership-cycle': (section) => {
    const parentOf = new Map(section.rows.map((row) => [parties(row).subsidiary as string, parties(row).parent as string]));
    const indexOf = new Map(section.rows.map((row, index) => [parties(row).subsidiary as string, index]));
    const problems: { index: number; message: string }[] = [];
    for (const start of parentOf.keys()) {
      const path = [start];
      for (let at = parentOf.get(start); at !== undefined && path.length <= parentOf.size; at = parentOf.get(at)) {
        if (at === start) {
          problems.push({ index: indexOf.get(start) as number, message: `${section.name}: ownership loop ${[...path, at].join(' -> ')}` });
          break;
        }
        path.push(at);
      }
    }
    return problems;
  },
};

/** Rules that span records of the file: unique ids per section, and each fact type's rules as the file states them. */
function fileProblems(sections: ImportSection[], locate: RecordLocator | undefined): string[] {
  const problems: string[] = [];
  for (const section of sections) {
    const seen = new Set<string>();
    section.rows.forEach((row, index) => {
      if (seen.has(row.id)) problems.push(problem(locate, 'DUPLICATE_ID', `${section.name}: id "${row.id}" appears more than once`, { section: section.name, index, field: 'id' }));
      seen.add(row.id);
    });
    for (const rule of section.definition?.rules ?? []) {
      for (const found of FILE_RULES[rule]?.(section) ?? []) problems.push(problem(locate, 'RULE', found.message, { section: section.name, index: found.index }));
    }
  }
  return problems;
}

/**
 * Everything that can be known before writing: the file's own rules, references the file does not define resolved
 * against the database, and records that clash with what the database already holds. Reads only; throws
 * ImportRejectedError listing up to 20 problems, so a bad file writes nothing.
 */
export async function preflight(db: Database, catalog: CypherCatalog, sections: ImportSection[], locate?: RecordLocator): Promise<void> {
  const problems = fileProblems(sections, locate);
  const inFile = (name: string) => new Set(sections.find((s) => s.name === name)?.rows.map((row) => row.id) ?? []);
  const idsByType = new Map(sections.filter((s) => s.definition).map((s) => [s.definition?.name, new Set(s.rows.map((row) => row.id))]));
  const factIdsOf = (type: string) => idsByType.get(type) ?? new Set<string>();
  const companies = inFile('companies');
  const sources = inFile('sources');
  // Each id the file does not define, with the first record field naming it.
  const unknown = { company: new Map<string, RecordAt>(), source: new Map<string, RecordAt>(), facts: new Map<string, Map<string, RecordAt>>() };
  const note = (ids: Map<string, RecordAt>, id: string, at: RecordAt) => ids.has(id) || ids.set(id, at);
  for (const section of sections) {
    const definition = section.definition;
    if (!definition) continue;
    section.rows.forEach((row, index) => {
      const at = (field: string): RecordAt => ({ section: section.name, index, field });
      for (const party of definition.parties) {
        for (const id of [parties(row)[party.role] ?? []].flat()) if (!companies.has(id)) note(unknown.company, id, at(party.idField));
      }
      for (const id of (row.sourceIds as string[]) ?? []) if (!sources.has(id)) note(unknown.source, id, at('sourceIds'));
      for (const link of definition.links ?? []) {
        const id = (row.links as Record<string, string | null> | undefined)?.[link.idField];
        if (!id || factIdsOf(link.target).has(id)) continue;
        if (!unknown.facts.has(link.target)) unknown.facts.set(link.target, new Map());
        note(unknown.facts.get(link.target) as Map<string, RecordAt>, id, at(link.idField));
      }
    });
  }
  const external = async (what: string, ids: Map<string, RecordAt>, statement: string, params: Record<string, unknown> = {}) => {
    for (const chunk of chunks([...ids.keys()], LOOKUP_CHUNK)) {
      const [row] = await db.inspectRows(catalog.get(statement), { ...params, ids: chunk });
      for (const id of (row?.missing as string[]) ?? []) problems.push(problem(locate, 'UNKNOWN_REFERENCE', `no ${what} with id "${id}" in the file or the database`, ids.get(id)));
      if (problems.length >= MAX_PROBLEMS) return;
    }
  };
  await external('company', unknown.company, 'import/missing-companies');
  await external('source', unknown.source, 'import/missing-sources');
  for (const [type, ids] of unknown.facts) await external(humanName(type), ids, 'import/missing-facts', { type });

  for (const section of sections) {
    if (!section.definition || problems.length >= MAX_PROBLEMS) continue;
    const indexOf = new Map(section.rows.map((row, index) => [row.id, index]));
    const at = (id: string): RecordAt | undefined => (indexOf.has(id) ? { section: section.name, index: indexOf.get(id) as number } : undefined);
    // The clash check reads ids and parties only: sending each row's stored properties too (a million rows' worth of
    // timelines at 100k companies) made the pre-flight as slow as the writing. Rule checks read properties (a
    // rivalry's market) and keep whole rows.
    const checks = [
      { statement: section.clashes as string, rows: section.rows.map((row) => ({ id: row.id, parties: row.parties })), say: (id: string, existing: string) => `${section.name}: "${id}" is already recorded ${existing}` },
      ...(section.definition.rules ?? [])
        .filter((rule) => catalog.names().includes(`import/preflight-${rule}`))
        .map((rule) => ({ statement: catalog.get(`import/preflight-${rule}`), rows: section.rows, say: (id: string, existing: string) => `${section.name}: "${id}" clashes with "${existing}" already in the database` })),
    ];
    for (const check of checks) {
      for (const chunk of chunks(check.rows, LOOKUP_CHUNK)) {
        for (const clash of await db.inspectRows(check.statement, { rows: chunk })) problems.push(problem(locate, 'CLASH', check.say(String(clash.id), String(clash.existing)), at(String(clash.id))));
        if (problems.length >= MAX_PROBLEMS) break;
      }
    }
  }
  const companyRows = sections.find((s) => s.name === 'companies')?.rows ?? [];
  for (const scheme of EXTERNAL_ID_SCHEME_NAMES) {
    if (problems.length >= MAX_PROBLEMS) break;
    const property = EXTERNAL_ID_SCHEMES[scheme].property;
    const rows = companyRows.flatMap((row) => {
      const value = (row.props as Record<string, unknown>)[property];
      return typeof value === 'string' ? [{ id: row.id, value }] : [];
    });
    for (const chunk of chunks(rows, LOOKUP_CHUNK)) {
      for (const clash of await db.inspectRows(externalIdClashStatement(scheme), { rows: chunk })) {
        problems.push(`companies: "${String(clash.id)}" has ${scheme} "${String(rows.find((r) => r.id === clash.id)?.value)}", which company "${String(clash.existing)}" already holds in the database`);
      }
    }
  }
  if (problems.length > 0) throw new ImportRejectedError(problems.slice(0, MAX_PROBLEMS));
}
