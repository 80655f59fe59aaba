import { AppError, ErrorCode } from '../common/errors';

/**
 * Turns driver failures that clients can act on into coded errors without leaking hosts or Cypher; anything else
 * is returned unchanged and later masked as INTERNAL_SERVER_ERROR (and logged in full).
 */
export function mapDriverError(error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'Neo.TransientError.General.DatabaseUnavailable') {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly');
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new AppError(ErrorCode.CONFLICT, 'The change conflicts with an existing record');
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped') {
    return new AppError(ErrorCode.TIMEOUT, 'The query took longer than the server allows');
  }
  return error;
}
