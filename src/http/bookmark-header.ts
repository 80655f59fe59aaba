import type http from 'node:http';
import { DomainError, ErrorCode } from '../domain/errors';

/** The header a write's answer carries its bookmark in, and a later request sends it back in (read your writes). */
export const BOOKMARK_HEADER = 'x-neo4j-bookmark';

/** Bookmarks Neo4j 5 issues are `FB:` and base64url-ish text; anything else never reaches the driver. */
const BOOKMARK = /^[A-Za-z0-9:+/=_.-]{1,256}$/;
/** A client merging the bookmarks of several writes (one per database at most, so a few) is fine; a flood is not. */
const MAX_BOOKMARKS = 16;

/**
 * The bookmarks a request sent back (comma-separated, as several headers are joined), none when it sent none.
 * A malformed value is the caller's mistake (BAD_USER_INPUT), never silently dropped: a client that relies on reading
 * its write must learn that it will not.
 */
export function bookmarksOf(req: http.IncomingMessage): string[] {
  const header = req.headers[BOOKMARK_HEADER];
  if (header === undefined) return [];
  const values = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  if (values.length === 0 || values.length > MAX_BOOKMARKS || !values.every((value) => BOOKMARK.test(value))) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `X-Neo4j-Bookmark must be up to ${MAX_BOOKMARKS} comma-separated bookmarks as a write's answer gave them`, { field: 'X-Neo4j-Bookmark' });
  }
  return [...new Set(values)];
}
