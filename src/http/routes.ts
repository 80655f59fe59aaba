import type http from 'node:http';
import { sendJson } from './send-json';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/** Path of a request URL without its query string or a trailing slash. */
export function pathOf(url: string | undefined): string {
  const raw = (url ?? '/').split('?', 1)[0] as string;
  return raw.length > 1 && raw.endsWith('/') ? raw.slice(0, -1) : raw;
}

/** A route that answers GET and HEAD only; other methods get 405 with the methods allowed. */
export function onlyGet(route: Route): Route {
  return async (req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') return route(req, res);
    sendJson(res, 405, { errors: [{ message: `${req.method} is not allowed here; use GET`, extensions: { code: 'METHOD_NOT_ALLOWED' } }] }, { allow: 'GET, HEAD' });
  };
}

/** Label of requests no route matched. */
export const NO_ROUTE = '(none)';

/**
 * The request listener for a table of exact paths (then path prefixes, for folders of files): unknown paths get a
 * coded 404, and a route's failure goes to `fail` (which answers in the GraphQL error shape, or drops the connection
 * once the answer has begun). `onRequest` sees each request first with the route that will serve it (the path or
 * prefix as listed, or NO_ROUTE), so metrics can count answers by route without ever labelling a client's raw path.
 */
export function routeRequests(
  routes: ReadonlyMap<string, Route>,
  fail: (res: http.ServerResponse, error: unknown) => void,
  prefixes: ReadonlyMap<string, Route> = new Map(),
  onRequest?: (route: string, req: http.IncomingMessage, res: http.ServerResponse) => void,
): http.RequestListener {
  return (req, res) => {
    const path = pathOf(req.url);
    const exact = routes.get(path);
    const prefixed = exact ? undefined : [...prefixes].find(([prefix]) => path.startsWith(prefix));
    const route = exact ?? prefixed?.[1];
    onRequest?.(exact ? path : (prefixed?.[0] ?? NO_ROUTE), req, res);
    if (!route) {
      sendJson(res, 404, { errors: [{ message: `Nothing at ${path}; GraphQL is at /graphql`, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    route(req, res).catch((error: unknown) => fail(res, error));
  };
}
