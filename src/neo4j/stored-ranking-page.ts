import type { Database } from './database';
import { int } from './params';

/** Where a page of a ranking starts: after this value and id (best first: lower values, then lower ids). */
export interface RankingCursor {
  readonly value: number;
  readonly id: string;
}

interface Ranked {
  readonly id: string;
  readonly value: number;
  readonly company: unknown;
}

/** Best first: higher value, then higher id (the list's descending order, ties by id the same way). */
const better = (a: Ranked, b: Ranked) => (a.value !== b.value ? b.value - a.value : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const answer = (page: readonly Ranked[]) => page.map(({ company, value }) => ({ company, sortValue: value }));

/**
 * One page of companies ranked best first, read from their stored rankings (storedRankingBatchStatement): batches in
 * the order of each company's upper bound until the page's last company is worth more than any bound left, so it is
 * exact while reading only the top of the index. Only companies with a value above zero are placed here: when the
 * page reaches the others (value 0, or none: they have no bound to be found by), it answers null and the caller reads
 * the page the other way. Rows: { company, sortValue }.
 */
export async function storedRankingPage(
  db: Database,
  statement: string,
  params: Record<string, unknown>,
  after: RankingCursor | null,
  limit: number,
): Promise<{ company: unknown; sortValue: number }[] | null> {
  if (after && !(after.value > 0)) return null;
  const batch = Math.max(4 * limit, 100);
  let page: Ranked[] = [];
  let scan = { peak: Number.MAX_VALUE, id: '' };
  for (;;) {
    const rows = await db.readRows(statement, { ...params, scanPeak: scan.peak, scanId: scan.id, batch: int(batch) });
    for (const row of rows) {
      const candidate = { id: row.id as string, value: row.value as number | null, company: row.company };
      if (candidate.company === null || candidate.value === null || !(candidate.value > 0)) continue;
      if (after && !(candidate.value < after.value || (candidate.value === after.value && candidate.id < after.id))) continue;
      page.push(candidate as Ranked);
    }
    page = page.sort(better).slice(0, limit);
    const last = rows[rows.length - 1];
    // Every company with a bound was read: the page holds all with a value above zero that come next.
    if (!last || rows.length < batch) return page.length === limit ? answer(page) : null;
    scan = { peak: last.peak as number, id: last.id as string };
    const worst = page[limit - 1];
    // No company left has a bound above the page's last value (a bound equal to it could still win on id).
    if (worst && worst.value > scan.peak) return answer(page);
  }
}
