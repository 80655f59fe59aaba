import type { Database, Row } from './database';

/**
 * Runs a by-ids statement (`$ids`) once for distinct ids and answers in the order asked, null where missing:
 * the shape DataLoader batch functions need.
 */
export async function findByIds<T>(db: Database, statement: string, ids: readonly string[], map: (row: Row) => T, idOf: (item: T) => string): Promise<(T | null)[]> {
  const found = (await db.readRows(statement, { ids: [...new Set(ids)] })).map(map);
  const byId = new Map(found.map((item) => [idOf(item), item]));
  return ids.map((id) => byId.get(id) ?? null);
}
