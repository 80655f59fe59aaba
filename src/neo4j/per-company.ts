import { groupAsOfKeys, knownParams } from './as-of';
import type { Database, Row } from './database';
import { appendTo } from '../platform/append-to';

/**
 * Runs a per-company statement (`$ids`, `$asOfDay`, `$includeImprecise`, returning an `id` column) for loader keys
 * of the form `day[~]|companyId` (see asOfKey): one query per distinct asOf, rows grouped back under their keys.
 */
export async function loadPerCompany<T>(db: Database, statement: string, keys: readonly string[], map: (row: Row) => T): Promise<Map<string, T[]>> {
  const out = new Map<string, T[]>();
  for (const [asOf, ids] of groupAsOfKeys(keys)) {
    const rows = await db.readRows(statement, { ids, ...knownParams(asOf) });
    for (const row of rows) {
      const key = `${asOf}|${row.id as string}`;
      appendTo(out, key, map(row));
    }
  }
  return out;
}
