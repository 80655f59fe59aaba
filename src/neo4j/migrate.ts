import crypto from 'node:crypto';
import type { Logger } from '../platform/logger';
import { FACTS } from '../facts/registry';
import { applyFactIndexes } from './facts/fact-indexes';
import { backfillLifecycles } from './facts/backfill-lifecycles';
import { applyRankingIndexes, backfillRankings, rankingsBackfillEntry } from './facts/backfill-rankings';
import type { CypherCatalog } from './cypher-catalog';
import type { Database } from './database';

/** Splits a migration file into statements: `;` at a line end separates them; `//` lines are comments. */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((chunk) =>
      chunk
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement.length > 0);
}

/** The timeline backfill's entry among the applied migrations (a new version here would run it again). */
const LIFECYCLE_BACKFILL = { name: 'backfill/fact-lifecycles', checksum: crypto.createHash('sha256').update('fact-lifecycles v1').digest('hex') };

/**
 * Applies `cypher/migrations/NNN-*.cypher` in order, skipping those already recorded with the same checksum (data
 * migrations can be costly on a large graph). Every statement is idempotent, so a changed or interrupted migration
 * simply runs again. Schema changes cannot share a transaction with data writes, hence one transaction per statement.
 */
export async function applyMigrations(db: Database, catalog: CypherCatalog, logger?: Logger): Promise<string[]> {
  const names = catalog.names().filter((name) => name.startsWith('migrations/'));
  const record = catalog.get('system/record-migration');
  const applied = new Map((await db.inspectRows(catalog.get('system/list-migrations'))).map((row) => [row.name as string, row.checksum as string]));
  for (const name of names) {
    const text = catalog.get(name);
    const checksum = crypto.createHash('sha256').update(text).digest('hex');
    if (applied.get(name) === checksum) continue;
    if (applied.has(name)) logger?.warn({ migration: name }, 'migration file changed since it was applied; running it again');
    for (const statement of splitStatements(text)) {
      // A data migration over a large graph commits in batches (CALL ... IN TRANSACTIONS), which only an auto-commit
      // transaction may run; everything else runs in a transaction function.
      if (/\bIN\s+TRANSACTIONS\b/i.test(statement)) await db.runInBatches(statement);
      else await db.maintainRows(statement);
    }
    await db.maintainRows(record, { name, checksum });
  }
  // Indexes the fact definitions ask for come after the files: a definition can add one without a migration file.
  await applyFactIndexes(db, FACTS);
  // Once per database (recorded like a migration): a label scan of every fact is not for every start.
  if (applied.get(LIFECYCLE_BACKFILL.name) !== LIFECYCLE_BACKFILL.checksum) {
    await backfillLifecycles(db, FACTS, logger);
    await db.maintainRows(record, LIFECYCLE_BACKFILL);
  }
  // Every company's stored rankings, once per database and again whenever the rule that computes them changes.
  await applyRankingIndexes(db);
  const rankings = rankingsBackfillEntry();
  if (applied.get(rankings.name) !== rankings.checksum) {
    await backfillRankings(db, logger);
    await db.maintainRows(record, rankings);
  }
  await db.maintainRows(catalog.get('system/await-indexes'), { timeoutSeconds: 300 });
  logger?.info({ migrations: names.length }, 'migrations applied');
  return [LIFECYCLE_BACKFILL.name, rankings.name, ...names].sort();
}
