import { createHash } from 'node:crypto';
import { badInput } from '../domain/errors';

/**
 * Cursors for answers read in a documented order (analytics pages): the position as JSON, base64url-encoded and
 * tagged with the kind of answer and a fingerprint of the arguments it was read under (`cursorKind`), so a cursor
 * from one query, or from the same query with other arguments, is refused by another. Opaque to clients.
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

/**
 * Arguments in one canonical form: object keys sorted, null and undefined members dropped (an omitted argument and
 * a null one ask the same), and lists read as sets (sorted, repeats dropped): every list argument a paged query takes
 * is a set of values (kinds, statuses), so `[A, B]`, `[B, A]` and `[A, B, A]` ask the same.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = [...new Set(value.map((item) => JSON.stringify(canonical(item))))].sort();
    return items.map((item) => JSON.parse(item) as unknown);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== null && member !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, member]) => [key, canonical(member)]),
    );
  }
  return value;
}

/** A short hash of arguments in canonical form: equal for arguments that ask the same (none: `{}`), different otherwise. */
export function argumentsFingerprint(args: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(args ?? {}))).digest('base64url').slice(0, 12);
}

/** The kind tag of a cursor: the answer's name and parts of its order, then the fingerprint of its other arguments. */
export function cursorKind(parts: readonly string[], args: unknown): string {
  return [...parts, argumentsFingerprint(args)].join(':');
}
