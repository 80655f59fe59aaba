import { groupAsOfKeys } from './as-of';
import type { Database, Row } from './database';
import { date } from './params';

/**
 * Runs a per-company statement (`$ids`, `$asOf`, returning an `id` column) for loader keys of the form
 * `asOf|companyId`: one query per distinct asOf, rows grouped back under their keys.
 */
export async function loadPerCompany<T>(db: Database, statement: string, keys: readonly string[], map: (row: Row) => T): Promise<Map<string, T[]>> {
  const out = new Map<string, T[]>();
  for (const [asOf, ids] of groupAsOfKeys(keys)) {
    const rows = await db.readRows(statement, { ids, asOf: asOf ? date(asOf) : null });
    for (const row of rows) {
      const key = `${asOf}|${row.id as string}`;
      out.set(key, [...(out.get(key) ?? []), map(row)]);
    }
  }
  return out;
}
