import crypto from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from './logger';

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
}

/**
 * Errors raised before GraphQL runs (body parsing, body size) answered in the GraphQL error shape with a code.
 * Express's default handler would print the stack trace outside production; this one never does.
 */
export function httpErrorHandler(logger: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, statusCode, type } = (error ?? {}) as HttpError;
    const httpStatus = status ?? statusCode ?? 500;
    let body: { message: string; extensions: Record<string, unknown> };
    if (type === 'entity.too.large' || httpStatus === 413) {
      body = { message: `The request body is larger than ${maxBodyBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } };
    } else if (type === 'entity.parse.failed') {
      body = { message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } };
    } else if (httpStatus >= 400 && httpStatus < 500) {
      body = { message: 'The request could not be read', extensions: { code: 'BAD_REQUEST' } };
    } else {
      const correlationId = crypto.randomUUID();
      logger.error({ correlationId, err: error }, 'unexpected error while handling an HTTP request');
      body = { message: `Internal server error (correlation id ${correlationId})`, extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId } };
    }
    res.status(httpStatus >= 400 && httpStatus < 600 ? httpStatus : 500).json({ errors: [body] });
  };
}
