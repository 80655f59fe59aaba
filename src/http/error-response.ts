import crypto from 'node:crypto';
import type { Logger } from '../platform/logger';

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
}

/** An HTTP answer in the GraphQL error shape, so clients read one format whatever failed. */
export interface ErrorResponse {
  readonly status: number;
  readonly body: { errors: [{ message: string; extensions: Record<string, unknown> }] };
}

/**
 * Errors raised before GraphQL runs (body parsing, body size, a failure of the HTTP layer itself) as a coded answer.
 * Internal failures are logged with a correlation id and never show their stack or message to the client.
 */
export function errorResponse(error: unknown, logger: Logger, maxBodyBytes: number): ErrorResponse {
  const { status, statusCode, type } = (error ?? {}) as HttpError;
  const httpStatus = status ?? statusCode ?? 500;
  const answer = (code: number, message: string, extensions: Record<string, unknown>): ErrorResponse => ({ status: code, body: { errors: [{ message, extensions }] } });
  if (type === 'entity.too.large' || httpStatus === 413) return answer(413, `The request body is larger than ${maxBodyBytes} bytes`, { code: 'PAYLOAD_TOO_LARGE' });
  if (type === 'entity.parse.failed') return answer(400, 'The request body is not valid JSON', { code: 'BAD_REQUEST' });
  if (httpStatus >= 400 && httpStatus < 500) return answer(httpStatus, 'The request could not be read', { code: 'BAD_REQUEST' });
  const correlationId = crypto.randomUUID();
  logger.error({ correlationId, err: error }, 'unexpected error while handling an HTTP request');
  return answer(500, `Internal server error (correlation id ${correlationId})`, { code: 'INTERNAL_SERVER_ERROR', correlationId });
}
