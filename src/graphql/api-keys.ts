import crypto from 'node:crypto';
import type { Role } from './context';

/** One configured API key: the name changes are recorded under, its role, and the secrets that present it. */
export interface ApiKey {
  readonly name: string;
  readonly role: Exclude<Role, 'anonymous'>;
  /** SHA-256 digests of the texts accepted as this key. */
  readonly digests: readonly Buffer[];
}

/**
 * `name:key`: a name of letters, digits, `_ . -` (a letter first, at most 64) and a key of at least 16 characters.
 * A key configured before names existed may itself hold a colon, so a named entry also accepts its whole text: an
 * existing key is never locked out or read as another, only given a name.
 */
const NAMED = /^([A-Za-z][A-Za-z0-9_.-]{0,63}):(\S{16,})$/;

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}

/**
 * The keys of `API_KEYS` (writers) and `READER_API_KEYS` (readers). An unnamed key is called by its role and place
 * in its list (`writer-1`, `reader-2`): stable for a given configuration and revealing nothing of the key.
 */
export function parseApiKeys(writerEntries: readonly string[], readerEntries: readonly string[]): ApiKey[] {
  const parse = (entries: readonly string[], role: ApiKey['role']) =>
    entries.map((entry, index): ApiKey => {
      const named = NAMED.exec(entry);
      return named ? { name: named[1] as string, role, digests: [digest(named[2] as string), digest(entry)] } : { name: `${role}-${index + 1}`, role, digests: [digest(entry)] };
    });
  return [...parse(writerEntries, 'writer'), ...parse(readerEntries, 'reader')];
}

/** Who presents `Authorization: Bearer <key>`: the key's role and name, or anonymous with no name. */
export interface Caller {
  readonly role: Role;
  readonly name: string | null;
}

/**
 * The caller behind an Authorization header. Every configured digest is compared with `timingSafeEqual` (none
 * skipped once one matched), so neither a key's content nor its length nor its place leaks through timing. A writer
 * key wins over a reader key of the same text.
 */
export function identifyCaller(header: string | undefined, keys: readonly ApiKey[]): Caller {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return { role: 'anonymous', name: null };
  const presented = digest(match[1] as string);
  let found: ApiKey | null = null;
  for (const key of keys) {
    const matched = key.digests.reduce((hit, candidate) => crypto.timingSafeEqual(presented, candidate) || hit, false);
    if (matched && (found === null || (found.role === 'reader' && key.role === 'writer'))) found = key;
  }
  return found ? { role: found.role, name: found.name } : { role: 'anonymous', name: null };
}
