import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { onlyGet, pathOf, type Route } from './routes';
import { sendJson } from './send-json';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function notBuilt(res: http.ServerResponse, dir: string): void {
  sendJson(res, 503, {
    errors: [{ message: `The web pages are not built (${dir} is missing); run npm run build:explorer (npm start does it)`, extensions: { code: 'NOT_BUILT' } }],
  });
}

function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, immutable: boolean): void {
  const stat = fs.statSync(file);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': stat.size,
    // Vite names assets by content hash, so they never change under their name; pages must always be fetched anew.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(file).pipe(res);
}

/** Serves one built page (an HTML file of the Vite build) at an exact path. */
export function builtPage(dir: string, file: string): Route {
  return onlyGet(async (req, res) => {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) return notBuilt(res, dir);
    sendFile(req, res, full, false);
  });
}

/**
 * Serves the files of the Vite build under `prefix` (e.g. `/explorer/assets/...`). Paths are resolved inside `dir`
 * and anything that would leave it, or names a folder, is a coded 404.
 */
export function builtFiles(dir: string, prefix: string): Route {
  const root = path.resolve(dir);
  return onlyGet(async (req, res) => {
    const relative = decodeURIComponent(pathOf(req.url).slice(prefix.length));
    const full = path.resolve(root, '.' + path.posix.normalize('/' + relative));
    const inside = full.startsWith(root + path.sep);
    if (!fs.existsSync(root)) return notBuilt(res, dir);
    if (!inside || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
      sendJson(res, 404, { errors: [{ message: `Nothing at ${pathOf(req.url)}`, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    sendFile(req, res, full, relative.startsWith('assets/'));
  });
}
