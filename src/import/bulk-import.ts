import { toolAuthor, type ChangeAuthor } from '../domain/change';
import { changeParam } from '../neo4j/changes/change-param';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database, Tx } from '../neo4j/database';
import path from 'node:path';
import type { SectionName } from '../seed/dataset';
import type { ResolvedName } from './csv/company-names';
import { csvSource } from './csv/csv-source';
import { isCsvFolder, jsonSource } from './dataset-source';
import { ImportCheckpoint } from './import-checkpoint';
import { importSections, rankedCompanyIds, type ImportRow, type ImportSection } from './import-sections';
import { ImportRejectedError, preflight } from './preflight';
import { rankingsBackfillEntry, refreshRankingsOf } from '../neo4j/facts/backfill-rankings';

export interface ImportOptions {
  /** Records per transaction. 1 gives the one-transaction-per-fact baseline the benchmark compares with. */
  readonly batchSize: number;
  /** Skip batches a previous, interrupted run of the same file committed (default true). */
  readonly resume?: boolean;
  /** Called before the first batch with the total, then after every committed batch. */
  readonly onStart?: (total: number, alreadyDone: number) => void;
  readonly onBatch?: (section: SectionName, records: number) => void | Promise<unknown>;
  /** Whom the batches' changes name (default: the import tool). */
  readonly author?: ChangeAuthor;
}

export interface ImportReport {
  readonly records: number;
  readonly facts: number;
  readonly perSection: Record<SectionName, number>;
  readonly batches: number;
  readonly resumedFromCheckpoint: boolean;
  /** Time spent reading and validating the file, and checking it against the database, before the first write. */
  readonly validateMs: number;
  /** Of validateMs: the checks against the database (the pre-flight). */
  readonly preflightMs: number;
  readonly writeMs: number;
  /** Of writeMs: each section's batches, and the stored rankings recomputed after the last batch. */
  readonly sectionMs: Partial<Record<SectionName, number>>;
  readonly rankingsMs: number;
  /** A CSV folder's company cells that held a name, and the id each was resolved to. */
  readonly resolvedNames: readonly ResolvedName[];
}

/** The type a section's change names: the fact type, or Source / Company. */
function entityTypeOf(section: ImportSection): string {
  return section.definition?.name ?? (section.name === 'sources' ? 'Source' : 'Company');
}

async function writeBatch(tx: Tx, section: ImportSection, batch: ImportRow[], log: { statement: (label: string) => string; author: ChangeAuthor }): Promise<void> {
  const rows = await tx.rows(section.merge, section.params(batch));
  const written = section.name === 'sources' ? rows.length : Number(rows[0]?.written ?? 0);
  // A shortfall means a party or source vanished after the pre-flight (a concurrent delete): undo the whole batch.
  if (written !== batch.length) {
    throw new ImportRejectedError([`${section.name}: only ${written} of ${batch.length} records in a batch found their companies; the batch was rolled back`]);
  }
  if (section.refresh) await tx.rows(section.refresh.statement, section.refresh.params(batch));
  // The type's rules over what the batch wrote (a loop with links already in the database, say): the batch rolls back.
  if (section.rules) {
    const [row] = await tx.rows(section.rules, { ids: batch.map((r) => r.id) });
    const problems = (row?.problems as string[]) ?? [];
    if (problems.length > 0) throw new ImportRejectedError(problems.map((problem) => `${section.name}: ${problem}`));
  }
  const label = section.definition ? 'Fact' : entityTypeOf(section);
  await tx.rows(log.statement(label), { entityType: entityTypeOf(section), ids: batch.map((row) => row.id), ...changeParam(log.author) });
}

/**
 * `npm run import -- FILE`: reads a dataset (a JSON file, or a folder of CSV files as the CSV export writes them),
 * validates every record with the API's rules (JSON Schema, then the mutation inputs' class-validator rules), checks references and clashes against the database, then writes it in
 * batches of `batchSize` records, one transaction per batch, with constraint-backed MERGEs by id. A batch is all or
 * nothing; a checkpoint lets an interrupted run skip the batches it committed; re-running from scratch changes
 * nothing that is already there.
 */
export async function importDataset(db: Database, catalog: CypherCatalog, file: string, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  // A folder is read as the CSV export lays it out; its checkpoint sits beside it, not in it.
  const csv = isCsvFolder(file);
  const source = csv ? await csvSource(db, catalog, file) : jsonSource(file);
  const sections = importSections(await source.inputs(), catalog);
  const preflightStarted = Date.now();
  await preflight(db, catalog, sections, source.locate);
  const preflightMs = Date.now() - preflightStarted;
  const [identity] = await db.inspectRows(catalog.get('import/database-identity'));
  const { checkpoint, resumed } = ImportCheckpoint.open(
    csv ? path.resolve(file) : file,
    { fileSha256: source.sha256, batchSize: options.batchSize, databaseId: `${String(identity?.id)}@${String(identity?.createdAt)}` },
    options.resume ?? true,
  );
  const validateMs = Date.now() - started;

  const total = sections.reduce((sum, s) => sum + s.rows.length, 0);
  const skipped = sections.reduce((sum, s) => sum + Math.min(s.rows.length, checkpoint.committedBatches(s.name) * options.batchSize), 0);
  options.onStart?.(total, skipped);
  let batches = 0;
  const log = { statement: (label: string) => catalog.render('changes/log-batch', { label }), author: options.author ?? toolAuthor('import') };
  const writeStarted = Date.now();
  // The stored rankings of the companies the facts name are recomputed once, after the last batch (per batch, a busy
  // investor's would be recomputed from all its facts in every batch). Until then the database is marked as needing
  // them (the backfill's record is forgotten): should the import stop half way, the next start recomputes them all.
  const ranked = rankedCompanyIds(sections);
  const rankings = rankingsBackfillEntry();
  const [forgotten] = ranked.length > 0 ? await db.maintainRows(catalog.get('system/forget-migration'), { name: rankings.name }) : [];
  const sectionMs: Partial<Record<SectionName, number>> = {};
  for (const section of sections) {
    const sectionStarted = Date.now();
    const count = Math.ceil(section.rows.length / options.batchSize);
    for (let index = checkpoint.committedBatches(section.name); index < count; index += 1) {
      const batch = section.rows.slice(index * options.batchSize, (index + 1) * options.batchSize);
      await db.maintain((tx) => writeBatch(tx, section, batch, log));
      checkpoint.commit(section.name, index + 1);
      batches += 1;
      await options.onBatch?.(section.name, batch.length);
    }
    sectionMs[section.name] = Date.now() - sectionStarted;
  }
  const rankingsStarted = Date.now();
  await refreshRankingsOf(db, ranked);
  const rankingsMs = Date.now() - rankingsStarted;
  if (forgotten?.checksum === rankings.checksum) await db.maintainRows(catalog.get('system/record-migration'), rankings);
  checkpoint.remove();
  const perSection = Object.fromEntries(sections.map((s) => [s.name, s.rows.length])) as Record<SectionName, number>;
  return {
    records: total,
    facts: sections.filter((s) => s.definition).reduce((sum, s) => sum + s.rows.length, 0),
    perSection,
    batches,
    resumedFromCheckpoint: resumed,
    validateMs,
    preflightMs,
    writeMs: Date.now() - writeStarted,
    sectionMs,
    rankingsMs,
    resolvedNames: source.resolvedNames ?? [],
  };
}
