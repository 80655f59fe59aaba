import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server';
import { launchBrowser } from './browser';
import { ensureExplorerBuilt } from './explorer-build';
import { startSeededTestApp, testConfig, type TestApp } from './test-app';

/** What a browser suite of /explorer works against: a real server over the seed data, and headless Chromium. */
export interface SeededExplorer {
  readonly app: TestApp;
  readonly server: RunningServer;
  readonly origin: string;
  readonly browser: Browser;
  /** The API's own answer, to compare the page with (as a caller with `key` when given). */
  api<T>(query: string, variables?: Record<string, unknown>, key?: string): Promise<T>;
}

/**
 * The hooks of a browser suite of /explorer: the explorer built, a seeded server and a browser for the file, all
 * closed after it. Returns an accessor because they exist only once `beforeAll` has run.
 */
export function useSeededExplorer(): () => SeededExplorer {
  let served: SeededExplorer | null = null;
  const parts: { app?: TestApp; server?: RunningServer; browser?: Browser } = {};
  beforeAll(async () => {
    ensureExplorerBuilt();
    const app = (parts.app = await startSeededTestApp());
    const server = (parts.server = await startServer({ ...app.deps, config: testConfig({ PORT: '0' }) }));
    const browser = (parts.browser = await launchBrowser());
    const origin = new URL(server.url).origin;
    const api = async <T>(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<T> => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key) headers.authorization = `Bearer ${key}`;
      const response = await fetch(`${origin}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    };
    served = { app, server, origin, browser, api };
  }, 600_000);
  afterAll(async () => {
    await parts.browser?.close();
    await parts.server?.stop();
    await parts.app?.reset();
    await parts.app?.close();
  });
  return () => {
    if (!served) throw new Error('the seeded explorer exists only once beforeAll has run');
    return served;
  };
}
