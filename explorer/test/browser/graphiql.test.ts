import { parse } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { EXAMPLE_OPERATIONS } from '../../../src/graphql/example-operations';
import { SANDBOX_SCRIPT_HOST } from '../../../src/http/landing-page';
import { startServer, type RunningServer } from '../../../src/server';
import { launchBrowser, openLocalPage, screenshot, type LocalPage } from '../../../test/support/browser';
import { ensureExplorerBuilt } from '../../../test/support/explorer-build';
import { startSeededTestApp, testConfig, type TestApp } from '../../../test/support/test-app';

/** The operation names of the examples, as GraphiQL titles its tabs. */
const EXAMPLE_NAMES = EXAMPLE_OPERATIONS.map((document) => {
  const [definition] = parse(document).definitions;
  return definition?.kind === 'OperationDefinition' ? definition.name?.value : undefined;
});

/** The text of the response pane (Monaco draws spaces as no-break spaces). */
async function responseText(page: Page): Promise<string> {
  return (await page.locator('.graphiql-response .view-lines').innerText()).replace(/\u00a0/g, ' ');
}

describe('GraphiQL at /graphiql', () => {
  let app: TestApp;
  let server: RunningServer;
  let origin: string;
  let browser: Browser;
  const opened: LocalPage[] = [];

  /** A page whose network reaches only the server; what it asked elsewhere, and the console's worker messages. */
  async function open(): Promise<LocalPage & { workerWarnings: string[] }> {
    const local = await openLocalPage(browser, [origin]);
    opened.push(local);
    const workerWarnings: string[] = [];
    local.page.on('console', (message) => {
      if (/web ?worker/i.test(message.text()) && message.type() !== 'info') workerWarnings.push(message.text());
    });
    return { ...local, workerWarnings };
  }

  beforeAll(async () => {
    ensureExplorerBuilt();
    app = await startSeededTestApp();
    server = await startServer({ ...app.deps, config: testConfig({ PORT: '0' }) });
    origin = new URL(server.url).origin;
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await Promise.all(opened.map((local) => local.context.close()));
    await browser?.close();
    await server?.stop();
    await app?.reset();
    await app?.close();
  });

  it('loads with nothing from outside the server, opens on the README examples and runs one', async () => {
    const { page, outsideRequests, pageErrors, workerWarnings } = await open();
    await page.goto(`${origin}/graphiql`);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await expect(page.locator('.graphiql-tab').allInnerTexts()).resolves.toEqual(EXAMPLE_NAMES.map((name) => expect.stringContaining(name as string)));

    // Monaco fills the editor after the button appears; run only once the first example is in it.
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.includes('AmazonTranchesInAnthropic'), undefined, { timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    await page
      .waitForFunction(() => document.querySelector('.graphiql-response .view-lines')?.textContent?.includes('investmentsReceived'), undefined, { timeout: 30_000 })
      .catch(async (error: unknown) => {
        await screenshot(page, 'graphiql-example-run-failed');
        throw error;
      });
    const text = await responseText(page);
    expect(text).toContain('"data"');
    expect(text).toContain('"investor"');
    expect(text).not.toContain('"errors"');
    await screenshot(page, 'graphiql-example-run');

    expect(outsideRequests).toEqual([]);
    expect(workerWarnings).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('is where the landing page goes when Apollo Sandbox cannot load', async () => {
    const { page, outsideRequests } = await open();
    // Hold the Sandbox script long enough to see the landing page, then let the closed network refuse it.
    await page.route(`${SANDBOX_SCRIPT_HOST}/**`, async (route) => {
      await page.locator('#graphiql-link').waitFor();
      await screenshot(page, 'landing-page-before-fallback');
      await route.fallback();
    });
    await page.goto(`${origin}/graphql`);
    await page.waitForURL(`${origin}/graphiql`, { timeout: 20_000 });
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await screenshot(page, 'landing-page-fell-back-to-graphiql');
    // The one request that left the server was the Sandbox script, refused as on a closed network.
    expect(outsideRequests.map((url) => new URL(url).origin)).toEqual([SANDBOX_SCRIPT_HOST]);
  });
});
