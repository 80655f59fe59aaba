import crypto from 'node:crypto';
import type { Logger } from '../../platform/logger';
import type { Database } from '../database';
import { int } from '../params';
import { backfillRankingsStatement, rankingIndexStatements, refreshCompaniesStatement } from './ranking-upkeep';

const BATCH = 1000;

/**
 * The backfill's entry among the applied migrations: its checksum is the generated upkeep's text, so a change of a
 * ranking, a measure or the date rule recomputes every company's stored rankings on the next start.
 */
export function rankingsBackfillEntry(): { name: string; checksum: string } {
  return { name: 'backfill/company-rankings', checksum: crypto.createHash('sha256').update(backfillRankingsStatement()).digest('hex') };
}

/** Creates the stored rankings' schema (idempotent). */
export async function applyRankingIndexes(db: Database): Promise<void> {
  for (const statement of rankingIndexStatements()) await db.maintainRows(statement);
}

/** Recomputes the stored rankings of every company, in batches of BATCH companies (one transaction each). */
export async function backfillRankings(db: Database, logger?: Logger): Promise<number> {
  const statement = backfillRankingsStatement();
  let after = '';
  let total = 0;
  for (;;) {
    const [row] = await db.maintainRows(statement, { after, batch: int(BATCH) });
    const lastId = (row?.lastId as string | null | undefined) ?? null;
    if (lastId === null) break;
    total += Number(row?.companies ?? 0);
    after = lastId;
  }
  logger?.info({ companies: total }, 'stored company rankings recomputed');
  return total;
}

/** Recomputes the stored rankings of the given companies, BATCH at a time (one transaction each). */
export async function refreshRankingsOf(db: Database, ids: readonly string[]): Promise<void> {
  const statement = refreshCompaniesStatement();
  const sorted = [...new Set(ids)].sort();
  for (let i = 0; i < sorted.length; i += BATCH) await db.maintainRows(statement, { ids: sorted.slice(i, i + BATCH) });
}
