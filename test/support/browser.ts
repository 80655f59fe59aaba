import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (installed by .ci/run); a browser download is not possible everywhere the suite runs. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless Chromium, or fails saying how to install it: a browser test that skips itself cannot fail. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface LocalPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the page asked for outside the allowed origins; such requests are aborted, as on a closed network. */
  readonly outsideRequests: string[];
  /** Console errors and uncaught page errors, for a failing test's message. */
  readonly pageErrors: string[];
}

/**
 * A fresh browser context whose network reaches only `allowedOrigins` (e.g. the server under test): anything else
 * is aborted and recorded, so a test can assert the page asked nothing of the outside world.
 */
export async function openLocalPage(browser: Browser, allowedOrigins: readonly string[]): Promise<LocalPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const origin = url.startsWith('data:') || url.startsWith('blob:') ? 'local' : new URL(url).origin;
    if (origin === 'local' || allowedOrigins.includes(origin)) return route.continue();
    outsideRequests.push(url);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return { context, page, outsideRequests, pageErrors };
}

/** Folder (git-ignored) where browser tests leave screenshots for a person to look at. */
export const SCREENSHOT_DIR = 'test-output/screenshots';

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
