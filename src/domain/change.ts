/** What a change did to its entity: there before or not, there after or not. */
export const ChangeKind = {
  CREATED: 'CREATED',
  UPDATED: 'UPDATED',
  REMOVED: 'REMOVED',
} as const;
export type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind];

/**
 * Who made a write and how, recorded with each change it makes: the API key's name (null when none), the request's
 * id, and the operation (the GraphQL mutation's field, `seed`, `import`...).
 */
export interface ChangeAuthor {
  readonly actor: string | null;
  readonly requestId: string | null;
  readonly operation: string;
}

/** The author of writes a command-line tool makes (the seed, the import): no key, no request. */
export function toolAuthor(operation: string): ChangeAuthor {
  return { actor: operation, requestId: null, operation };
}

/** An image of an entity as the log keeps it: its stored properties, parties, links and cited source ids. */
export type ChangeImage = Readonly<Record<string, unknown>>;

/** One entry of the change log, as the repository reads it (images raw: the feature presents them). */
export interface ChangeRecord {
  readonly seq: number;
  /** The first sequence number of the write it belongs to: a write's changes share it, and revert together. */
  readonly group: number;
  readonly at: string;
  readonly actor: string | null;
  readonly requestId: string | null;
  readonly operation: string;
  readonly entityType: string;
  readonly entityId: string | null;
  /** The ids a bulk change names (an import batch); empty otherwise. */
  readonly entityIds: readonly string[];
  readonly kind: ChangeKind;
  readonly companyIds: readonly string[];
  readonly before: ChangeImage | null;
  readonly after: ChangeImage | null;
  /** False for a change with no before image to restore (an import batch). */
  readonly revertible: boolean;
  /** Set when a writer took the entity's images out of the log (a takedown): the seq of that redaction. */
  readonly redactedBy: number | null;
}

/**
 * The fields of two images that differ, each side holding only those (the rest is unchanged). A creation or a
 * removal keeps its whole image. `ignore` lists bookkeeping properties no one asked to change (the clock).
 */
export function changedFields(before: ChangeImage | null, after: ChangeImage | null, ignore: readonly string[] = ['updatedAt', 'createdAt']): { before: ChangeImage | null; after: ChangeImage | null } {
  if (before === null || after === null) return { before, after };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !ignore.includes(key) && !sameValue(before[key], after[key]));
  return { before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])), after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])) };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
