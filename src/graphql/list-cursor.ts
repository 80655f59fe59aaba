import { isPositionIn, type ListOrder, type ListPosition } from '../neo4j/list-position';
import { cursorKind, decodeScanCursor, encodeScanCursor } from './scan-cursor';

/**
 * Where a list's cursor belongs: the list, the order it was read in, and a fingerprint of its filter (normalized:
 * the values the statement compares with, omitted and null alike), so a cursor of another list, order or filter is
 * refused.
 */
export function listCursorKind(list: string, sort: string, descending: boolean, filter: unknown): string {
  return cursorKind([list, sort, descending ? 'DESC' : 'ASC'], filter);
}

export function encodeListCursor(kind: string, position: ListPosition): string {
  return encodeScanCursor(kind, position);
}

/**
 * The position in a list cursor of this kind, its value of the type the order sorts by; BAD_USER_INPUT for a cursor
 * of another list, order or filter, or a forged one, before any statement runs.
 */
export function decodeListCursor(kind: string, order: ListOrder, cursor: string | null | undefined): ListPosition | null {
  return decodeScanCursor(kind, cursor, (value): value is ListPosition => isPositionIn(order, value));
}
