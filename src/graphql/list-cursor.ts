import type { ListPosition } from '../neo4j/list-position';
import { decodeScanCursor, encodeScanCursor } from './scan-cursor';

/** A decoded cursor's content is a position this API could have written (bounded sizes, plain values). */
function isListPosition(value: unknown): value is ListPosition {
  const p = value as Partial<ListPosition> | null;
  return (
    p !== null &&
    typeof p === 'object' &&
    (p.phase === 'nonNull' || p.phase === 'null') &&
    typeof p.id === 'string' &&
    p.id.length <= 200 &&
    (p.value === null || typeof p.value === 'string' || typeof p.value === 'number') &&
    (typeof p.value !== 'string' || p.value.length <= 200)
  );
}

/** Where a list's cursor belongs: the list and the order it was read in (a cursor of another order is refused). */
export function listCursorKind(list: string, sort: string, descending: boolean): string {
  return `${list}:${sort}:${descending ? 'DESC' : 'ASC'}`;
}

export function encodeListCursor(kind: string, position: ListPosition): string {
  return encodeScanCursor(kind, position);
}

/** The position in a list cursor of this kind; BAD_USER_INPUT for a cursor of another list, order or a forged one. */
export function decodeListCursor(kind: string, cursor: string | null | undefined): ListPosition | null {
  return decodeScanCursor(kind, cursor, isListPosition);
}
