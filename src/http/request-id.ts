import crypto from 'node:crypto';
import type http from 'node:http';

/** Longest incoming request id kept; a W3C traceparent is 55 characters, a UUID 36. */
export const MAX_REQUEST_ID_LENGTH = 128;

/** Visible ASCII only: nothing that could split a header or a log line, or smuggle a control character. */
const ACCEPTABLE = new RegExp(`^[\\x21-\\x7e]{1,${MAX_REQUEST_ID_LENGTH}}$`);

/**
 * The id of one request: the caller's `x-request-id` when it is a short run of visible ASCII (so a proxy's or client's
 * id follows the request through our logs), otherwise a new UUID. A header sent twice arrives joined with ", " and is
 * replaced, as is anything longer, empty or non-ASCII.
 */
export function acceptRequestId(header: string | readonly string[] | undefined): string {
  return typeof header === 'string' && ACCEPTABLE.test(header) ? header : crypto.randomUUID();
}

/** The header that carries a request's id, in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Gives the request its id: sets it on the answer at once (so every answer carries it, errors and 404s included) and
 * returns it.
 */
export function assignRequestId(req: http.IncomingMessage, res: http.ServerResponse): string {
  const requestId = acceptRequestId(req.headers[REQUEST_ID_HEADER]);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  return requestId;
}

/** The id assignRequestId gave this answer's request. */
export function requestIdOf(res: http.ServerResponse): string | undefined {
  const value = res.getHeader(REQUEST_ID_HEADER);
  return typeof value === 'string' ? value : undefined;
}
