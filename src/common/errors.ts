import { GraphQLError } from 'graphql';

/** Codes a client can act on; anything else is masked to INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const PUBLIC_CODES = new Set<string>([...Object.values(ErrorCode), 'QUERY_LIMIT_EXCEEDED', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/** Whether an error code is one of ours (or Apollo's request errors) whose message may reach the client. */
export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

/** A GraphQL error whose message and code are meant for the client. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** Bad input: names the offending field so the client can fix it. */
export function badInput(field: string, message: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });
}

export function notFound(what: string, id: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `${what} "${id}" does not exist`, { id });
}

export function conflict(message: string): AppError {
  return new AppError(ErrorCode.CONFLICT, message);
}
