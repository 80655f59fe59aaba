import { badInput } from '../domain/errors';

/**
 * Cursors for answers read in a documented order (analytics pages): the position as JSON, base64url-encoded and
 * tagged with the kind of answer, so a cursor from one query is refused by another. Opaque to clients.
 */
export function encodeScanCursor(kind: string, position: unknown): string {
  return Buffer.from(JSON.stringify([kind, position]), 'utf8').toString('base64url');
}

/** The position in a cursor of this kind, checked by `isPosition`; BAD_USER_INPUT for anything else. */
export function decodeScanCursor<P>(kind: string, cursor: string | null | undefined, isPosition: (value: unknown) => value is P): P | null {
  if (cursor === null || cursor === undefined) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || decoded[0] !== kind || !isPosition(decoded[1])) {
    throw badInput('after', 'not a cursor returned by this query');
  }
  return decoded[1];
}
