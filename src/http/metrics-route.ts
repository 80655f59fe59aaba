import { roleFromHeader } from '../graphql/auth';
import type { ApiMetrics } from '../metrics/api-metrics';
import { onlyGet, type Route } from './routes';
import { sendJson } from './send-json';

/**
 * GET /metrics in Prometheus's text format. With a token, a scrape must present it as `Authorization: Bearer <token>`
 * (compared like API keys, in constant time); without one the route is open to whoever reaches the port, which by
 * default (HOST=127.0.0.1) is this machine only.
 */
export function metricsRoute(metrics: ApiMetrics, token: string): Route {
  return onlyGet(async (req, res) => {
    if (token !== '' && roleFromHeader(req.headers.authorization, [token], []) !== 'writer') {
      sendJson(res, 401, { errors: [{ message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>', extensions: { code: 'UNAUTHENTICATED' } }] }, { 'www-authenticate': 'Bearer' });
      return;
    }
    const body = await metrics.render();
    res.writeHead(200, { 'content-type': metrics.contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}
