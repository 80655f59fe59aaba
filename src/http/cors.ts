import type http from 'node:http';
import type { AppConfig } from '../config';
import { sendJson } from './send-json';

/** Methods a cross-origin page may use on /graphql. */
const METHODS = 'GET, POST, OPTIONS';
/** Request headers a cross-origin page may send: the key, JSON, Apollo's CSRF headers and our request id. */
const READ_HEADERS = ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'x-neo4j-bookmark'];
const ALL_HEADERS = ['authorization', ...READ_HEADERS];
/** Response headers a cross-origin page may read, beyond the CORS-safelisted ones. */
const EXPOSED = 'x-request-id, x-db-round-trips, x-neo4j-bookmark, retry-after';
/** Chromium caps a cached preflight at two hours; an origin removed from the list stops reading answers at once anyway. */
const MAX_AGE_S = '7200';

/** How far one origin may go: anything (listed), reads without a key (`*`), or nothing. */
type Grant = 'all' | 'read' | 'none';

/** CORS for /graphql: answers preflights and marks the answers that listed origins may read. */
export interface CorsPolicy {
  /** Answers an OPTIONS request: 204 with the grant for an allowed origin, 403 with a coded error otherwise. */
  preflight(req: http.IncomingMessage, res: http.ServerResponse): void;
  /**
   * Adds the headers that let an allowed origin read this answer (before anything is written, so error answers get
   * them too). Requests from other origins pass unchanged: same-origin pages send an Origin header too, and a
   * foreign page's simple requests are Apollo's CSRF prevention's concern, not ours.
   */
  allowResponse(req: http.IncomingMessage, res: http.ServerResponse): void;
}

function refuse(res: http.ServerResponse, message: string): void {
  sendJson(res, 403, { errors: [{ message, extensions: { code: 'ORIGIN_NOT_ALLOWED' } }] });
}

/**
 * The CORS policy of `CORS_ORIGINS`. Nothing listed means same-origin only: no cross-origin preflight succeeds and
 * no answer carries Access-Control-Allow-Origin. No answer ever allows credentials: the API uses no cookies.
 */
export function corsPolicy(cors: AppConfig['cors']): CorsPolicy {
  const listed = new Set(cors.origins);
  const enabled = listed.size > 0 || cors.anyOriginMayRead;
  const grantOf = (origin: string | undefined): Grant => {
    if (origin === undefined) return 'none';
    if (listed.has(origin)) return 'all';
    return cors.anyOriginMayRead ? 'read' : 'none';
  };

  return {
    preflight(req, res) {
      const origin = req.headers.origin;
      if (origin === undefined) {
        // Not a browser's preflight: say what the path accepts.
        res.writeHead(204, { allow: METHODS });
        res.end();
        return;
      }
      const grant = grantOf(origin);
      if (grant === 'none') return refuse(res, 'Cross-origin requests from this origin are not allowed (see CORS_ORIGINS)');
      const asked = (req.headers['access-control-request-headers'] ?? '').toLowerCase().split(',').map((name) => name.trim());
      if (grant === 'read' && asked.includes('authorization')) {
        return refuse(res, 'This origin may read without an API key only; sending a key needs an origin listed in CORS_ORIGINS');
      }
      res.writeHead(204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': METHODS,
        'access-control-allow-headers': (grant === 'all' ? ALL_HEADERS : READ_HEADERS).join(', '),
        'access-control-max-age': MAX_AGE_S,
        vary: 'Origin',
      });
      res.end();
    },

    allowResponse(req, res) {
      if (!enabled) return;
      // The answer depends on the Origin header whenever CORS is on, so caches must key on it.
      res.setHeader('vary', 'Origin');
      const origin = req.headers.origin;
      if (grantOf(origin) === 'none') return;
      res.setHeader('access-control-allow-origin', origin as string);
      res.setHeader('access-control-expose-headers', EXPOSED);
    },
  };
}
