import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../../src/server';
import { launchBrowser, screenshot } from '../../../test/support/browser';
import { startSeededTestApp, testConfig, WRITER_KEY, type TestApp } from '../../../test/support/test-app';

const root = path.resolve(__dirname, '../../..');
/** Git-ignored working folder for the client page's bundle. */
const work = path.join(root, 'test-output/cross-origin-client');

/**
 * What a third-party page does with the API: graphql-request, bundled by Vite from node_modules (no CDN), exposing a
 * query (reading the request id the API exposes) and a mutation with a writer key.
 */
const CLIENT_SOURCE = `
import { GraphQLClient } from 'graphql-request';

window.crossOrigin = {
  async read(url) {
    const answer = await new GraphQLClient(url).rawRequest('query CompanyName { company(id: "anthropic") { name } }');
    return { data: answer.data, requestId: answer.headers.get('x-request-id'), roundTrips: answer.headers.get('x-db-round-trips') };
  },
  async write(url, key, name) {
    const client = new GraphQLClient(url, { headers: { authorization: 'Bearer ' + key } });
    return client.request('mutation Create($input: CreateCompanyInput!) { createCompany(input: $input) { id name } }', { input: { name, kind: 'AI_LAB' } });
  },
};
`;

function buildClient(): string {
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, 'client.js'), CLIENT_SOURCE);
  const config = {
    root: work,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: path.join(work, 'dist'),
      emptyOutDir: true,
      minify: false,
      lib: { entry: path.join(work, 'client.js'), formats: ['iife'], name: 'crossOriginClient', fileName: 'client' },
    },
  };
  fs.writeFileSync(path.join(work, 'vite.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(work, 'vite.config.mjs')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return fs.readFileSync(path.join(work, 'dist/client.iife.js'), 'utf8');
}

/** A page server on an origin of its own (its own port), serving the client page and its bundle. */
async function servePage(bundle: string): Promise<{ origin: string; close(): Promise<void> }> {
  const page = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>A page elsewhere</title><script src="/client.js"></script></head><body><h1>A page on another origin</h1><pre id="out"></pre></body></html>';
  const server = http.createServer((req, res) => {
    const [type, body] = req.url === '/client.js' ? ['text/javascript', bundle] : ['text/html; charset=utf-8', page];
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

describe('a page on another origin', () => {
  let app: TestApp;
  let api: RunningServer;
  let apiUrl: string;
  let browser: Browser;
  let listed: Awaited<ReturnType<typeof servePage>>;
  let unlisted: Awaited<ReturnType<typeof servePage>>;

  beforeAll(async () => {
    const bundle = buildClient();
    listed = await servePage(bundle);
    unlisted = await servePage(bundle);
    app = await startSeededTestApp();
    api = await startServer({ ...app.deps, config: testConfig({ PORT: '0', CORS_ORIGINS: listed.origin }) });
    // The API on 127.0.0.1 too, so both sides are plainly different origins of the same loopback address.
    apiUrl = api.url.replace('//localhost:', '//127.0.0.1:');
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await listed?.close();
    await unlisted?.close();
    await app?.reset();
    await app?.close();
  });

  /**
   * Opens the page with the browser's real CORS handling. Not openLocalPage: with request interception on, Playwright
   * answers every CORS preflight itself with "allow everything", which would hide the server's answer. Requests are
   * only watched here, and none may leave the two local origins.
   */
  async function open(origin: string): Promise<{ page: Page; outside: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
    const page = await context.newPage();
    const outside: string[] = [];
    const allowed = [origin, new URL(apiUrl).origin];
    page.on('request', (request) => {
      if (!allowed.includes(new URL(request.url()).origin)) outside.push(request.url());
    });
    await page.goto(`${origin}/`);
    return { page, outside };
  }

  const run = (page: Page, action: 'read' | 'write', name = ''): Promise<Outcome> =>
    page.evaluate(
      async ({ action, url, key, name }) => {
        const client = (window as unknown as { crossOrigin: Record<string, (...args: string[]) => Promise<unknown>> }).crossOrigin;
        try {
          const value = action === 'read' ? await client.read!(url) : await client.write!(url, key, name);
          document.getElementById('out')!.textContent = JSON.stringify(value, null, 2);
          return { ok: true as const, value };
        } catch (error) {
          document.getElementById('out')!.textContent = String(error);
          return { ok: false as const, error: String(error) };
        }
      },
      { action, url: apiUrl, key: WRITER_KEY, name },
    );

  const openedMetric = async (status: string): Promise<number> => {
    const text = await (await fetch(`${new URL(apiUrl).origin}/metrics`)).text();
    const line = text.split('\n').find((entry) => entry.startsWith(`http_requests_total{route="/graphql",method="OPTIONS",status="${status}"}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('listed in CORS_ORIGINS, runs a query (reading the exposed headers) and an authorised mutation', async () => {
    const { page, outside } = await open(listed.origin);
    const preflightsBefore = await openedMetric('204');
    const read = await run(page, 'read');
    expect(read).toEqual({ ok: true, value: { data: { company: { name: 'Anthropic' } }, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), roundTrips: expect.stringMatching(/^\d+$/) } });
    const write = await run(page, 'write', 'Cross Origin Labs');
    expect(write).toEqual({ ok: true, value: { createCompany: { id: 'cross-origin-labs', name: 'Cross Origin Labs' } } });
    await screenshot(page, 'cross-origin-listed');
    // Both went through real preflights that the server allowed.
    expect(await openedMetric('204')).toBeGreaterThan(preflightsBefore);
    expect((await app.gql<{ company: { name: string } | null }>('{ company(id: "cross-origin-labs") { name } }')).data?.company).toEqual({ name: 'Cross Origin Labs' });
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('not listed, can neither read nor write: the server refuses its preflight and the mutation never runs', async () => {
    const { page, outside } = await open(unlisted.origin);
    const refusedBefore = await openedMetric('403');
    const read = await run(page, 'read');
    const write = await run(page, 'write', 'Unlisted Origin Labs');
    for (const outcome of [read, write]) {
      expect(outcome.ok).toBe(false);
      expect(outcome.ok === false && outcome.error).toMatch(/fetch/i);
    }
    await screenshot(page, 'cross-origin-unlisted');
    expect(await openedMetric('403')).toBe(refusedBefore + 2);
    expect((await app.gql<{ company: unknown }>('{ company(id: "unlisted-origin-labs") { name } }')).data?.company ?? null).toBeNull();
    expect(outside).toEqual([]);
    await page.context().close();
  });
});
