/** Codes a client can act on; anything else is masked to INTERNAL_SERVER_ERROR by the API layer. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  /** A change-log cursor older than what retention kept. */
  CURSOR_EXPIRED: 'CURSOR_EXPIRED',
  /** A subscription that fell too far behind the change log; resume with the last seq received. */
  SLOW_CONSUMER: 'SLOW_CONSUMER',
  /** A read carrying a write's bookmark found no server caught up with it in time; retry. */
  BOOKMARK_TIMEOUT: 'BOOKMARK_TIMEOUT',
  /** A key holds as many of something (watches) as it may. */
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A failure the caller can act on, with its code and details (the field at fault, the id not found). Domain code,
 * repositories, the import and the CLI throw it; only the GraphQL layer turns it into a GraphQL error.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Bad input: names the offending field so the client can fix it. */
export function badInput(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });
}

export function notFound(what: string, id: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `${what} "${id}" does not exist`, { id });
}

export function conflict(message: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, message);
}
