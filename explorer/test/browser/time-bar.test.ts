import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import { openLocalPage, screenshot, SCREENSHOT_DIR, type LocalPage } from '../../../test/support/browser';
import { useSeededExplorer } from '../../../test/support/seeded-explorer';

// Acceptance of the time bar: its density is every fact type's count per quarter as the totals queries answer, Play
// steps the picture a quarter at a time (URL and drawing following) and Pause stops it.

/** Every fact type's totals query, as FACTS names them (the explorer's own list is checked against FACTS elsewhere). */
const QUERIES = ['investmentTotals', 'computeDealTotals', 'fundingRoundTotals', 'acquisitionTotals', 'partnershipTotals', 'rivalryTotals', 'subsidiaryLinkTotals'];

describe('the time bar (browser)', () => {
  let origin: string;
  let browser: Browser;
  const pages: LocalPage[] = [];
  const served = useSeededExplorer();
  beforeAll(() => ({ origin, browser } = served()));

  async function open(path: string): Promise<Page> {
    const local = await openLocalPage(browser, [origin]);
    pages.push(local);
    await local.page.goto(`${origin}${path}`);
    return local.page;
  }

  /** Facts per bucket over every type, counted by the API one type and one page at a time. */
  async function apiDensity(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const query of QUERIES) {
      let after: string | null = null;
      do {
        type Page = { t: { nodes: { key: { quarter: string | null }; count: number }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        const answer: Page = await served().api<Page>(`query ($after: String) { t: ${query}(groupBy: [QUARTER], includeEnded: true, includeImprecise: true, first: 20, after: $after) { nodes { key { quarter } count } pageInfo { hasNextPage endCursor } } }`, { after });
        for (const node of answer.t.nodes) if (node.key.quarter) counts.set(node.key.quarter, (counts.get(node.key.quarter) ?? 0) + node.count);
        after = answer.t.pageInfo.hasNextPage ? answer.t.pageInfo.endCursor : null;
      } while (after);
    }
    return counts;
  }

  it('draws every quarter’s facts under the slider as the totals queries count them', async () => {
    const page = await open('/explorer');
    await page.waitForSelector('.density[data-status="ready"] rect');
    const drawn = await page.locator('.density rect').evaluateAll((rects) => rects.map((rect) => ({ bucket: (rect as SVGElement).dataset.bucket!, count: Number((rect as SVGElement).dataset.count), height: Number(rect.getAttribute('height')), yearOnly: rect.classList.contains('year-only') })));
    const expected = [...(await apiDensity())].filter(([bucket]) => bucket >= '2015');
    expect(expected.length).toBeGreaterThan(8);
    expect(drawn.map((bar) => [bar.bucket, bar.count]).sort()).toEqual(expected.sort());
    // The busiest quarter fills the strip's height; a year-only band is a quarter of its count high.
    const max = Math.max(...drawn.map((bar) => (bar.yearOnly ? bar.count / 4 : bar.count)));
    for (const bar of drawn) expect(bar.height).toBeCloseTo(Math.max(1.5, ((bar.yearOnly ? bar.count / 4 : bar.count) / max) * 20), 5);
    expect(drawn.some((bar) => bar.yearOnly)).toBe(true);

    // Clicking the strip picks the day under the pointer.
    const box = (await page.locator('.density svg').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height - 2);
    await page.waitForFunction(() => window.explorerProbe?.state().asOf !== null);
    const picked = await page.evaluate(() => window.explorerProbe!.state().asOf!);
    expect(await page.inputValue('input[name="as-of"]')).toBe(picked);
  });

  it('plays a quarter per step, the URL and the picture following, until Pause', async () => {
    const page = await open('/explorer?company=anthropic&asOf=2024-12-31');
    await page.waitForSelector('#graph[data-status="ready"][data-center="anthropic"][data-as-of="2024-12-31"]');
    await page.waitForSelector('.density[data-status="ready"]');
    const edges = () => page.evaluate(() => window.explorerProbe!.edges().map((edge) => edge.id).sort());
    const before = await edges();
    await page.click('.date-control button.play');
    expect(await page.getAttribute('.date-control', 'data-playing')).toBe('true');

    // First step: the end of 2025-Q1, when March 2025's investors (month-dated) are known.
    await page.waitForSelector('#graph[data-status="ready"][data-as-of="2025-03-31"]');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2025-03-31');
    expect(await page.inputValue('input[name="as-of"]')).toBe('2025-03-31');
    const first = await edges();
    expect(first).not.toEqual(before);
    expect(first.filter((id) => !before.includes(id)).length).toBeGreaterThan(0);
    await screenshot(page, 'time-bar-playing');
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.locator('.date-control').screenshot({ path: `${SCREENSHOT_DIR}/time-bar-closeup.png` });

    await page.waitForSelector('#graph[data-status="ready"][data-as-of="2025-06-30"]');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2025-06-30');

    await page.click('.date-control button.play');
    expect(await page.getAttribute('.date-control', 'data-playing')).toBe('false');
    expect(await page.getAttribute('.date-control button.play', 'aria-label')).toBe('Play');
    const stopped = await page.evaluate(() => window.explorerProbe!.state().asOf);
    // Two steps' time later, it has not moved.
    await page.waitForTimeout(3000);
    expect(await page.evaluate(() => window.explorerProbe!.state().asOf)).toBe(stopped);
    expect(['2025-06-30', '2025-09-30']).toContain(stopped);
    await screenshot(page, 'time-bar-paused');
  });

  it('asked nothing of any host but the server, and logged no error', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((local) => local.outsideRequests)).toEqual([]);
    expect(pages.flatMap((local) => local.pageErrors)).toEqual([]);
  });
});
