import { DomainError, ErrorCode } from '../domain/errors';

/**
 * Turns driver failures that clients can act on into coded errors without leaking hosts or Cypher; anything else
 * is returned unchanged and later masked as INTERNAL_SERVER_ERROR (and logged in full).
 */
export function mapDriverError(error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'Neo.TransientError.General.DatabaseUnavailable') {
    return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly');
  }
  // A bookmark sent back by a client (X-Neo4j-Bookmark) that Neo4j cannot read, or from another database.
  if (code === 'Neo.ClientError.Transaction.InvalidBookmark' || code === 'Neo.ClientError.Transaction.InvalidBookmarkMixture') {
    return new DomainError(ErrorCode.BAD_USER_INPUT, 'The bookmark is not one this database issued', { field: 'X-Neo4j-Bookmark' });
  }
  // The server serving the read has not caught up with the bookmark's transaction within db.transaction.bookmark_ready_timeout.
  if (code === 'Neo.TransientError.Transaction.BookmarkTimeout') {
    return new DomainError(ErrorCode.BOOKMARK_TIMEOUT, 'The database has not caught up with the bookmark yet; try again shortly');
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new DomainError(ErrorCode.CONFLICT, 'The change conflicts with an existing record');
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped') {
    return new DomainError(ErrorCode.TIMEOUT, 'The query took longer than the server allows');
  }
  return error;
}
