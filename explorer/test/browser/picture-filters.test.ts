import type { Browser, Page } from 'playwright-core';
import { openLocalPage, screenshot, type LocalPage } from '../../../test/support/browser';
import { useSeededExplorer } from '../../../test/support/seeded-explorer';
import type {} from '../../src/probe';
import { largeSubgraph } from '../support/large-picture';

// The picture's filters (relation kinds, least money, most companies) reach the API's query and the URL, the page says
// what the caps cut, and a large picture (5,000 companies, 15,000 relations) is drawn whole by sigma.js with WebGL,
// with its frame times while panning and zooming printed.

interface Answer {
  nodes: { id: string }[];
  edges: { id: string; kind: string; amountUsd: number | null }[];
}

describe('picture filters and large pictures (browser)', () => {
  let origin: string;
  let browser: Browser;
  const pages: LocalPage[] = [];
  const served = useSeededExplorer();
  beforeAll(() => ({ origin, browser } = served()));
  afterEach(async () => {
    for (const local of pages.splice(0)) await local.context.close();
  });

  async function open(path: string, setUp?: (local: LocalPage) => Promise<void>): Promise<LocalPage> {
    const local = await openLocalPage(browser, [origin]);
    pages.push(local);
    await setUp?.(local);
    await local.page.goto(`${origin}${path}`);
    return local;
  }

  async function drawnIds(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
    return page.evaluate(() => ({ nodes: window.explorerProbe!.nodeIds().sort(), edges: window.explorerProbe!.edges().map((edge) => edge.id).sort() }));
  }

  it('asks the API for the kinds and the least money in the URL, draws its answer, and changes both from the controls', async () => {
    const { page } = await open('/explorer?company=anthropic&depth=2&kinds=INVESTED_IN,SUPPLIES_COMPUTE&min=1000000000');
    await page.waitForSelector('#graph[data-status="ready"][data-center="anthropic"]');
    const answer = await served().api<{ neighborhood: Answer }>(
      '{ neighborhood(companyId: "anthropic", depth: 2, kinds: [INVESTED_IN, SUPPLIES_COMPUTE], minAmountUsd: 1e9) { nodes { id } edges { id kind amountUsd } } }',
    );
    const expected = answer.neighborhood;
    expect(expected.edges.length).toBeGreaterThan(0);
    expect(expected.edges.every((edge) => ['INVESTED_IN', 'SUPPLIES_COMPUTE'].includes(edge.kind) && (edge.amountUsd ?? 0) >= 1e9)).toBe(true);
    expect(await drawnIds(page)).toEqual({ nodes: expected.nodes.map((node) => node.id).sort(), edges: expected.edges.map((edge) => edge.id).sort() });
    // The controls show the URL's filters.
    expect(await page.locator('[data-filters="picture"] select[name="min-amount"]').inputValue()).toBe('1000000000');
    expect(await page.locator('[data-filters="picture"] input[value="COMPETES_WITH"]').isChecked()).toBe(false);
    expect(await page.locator('[data-filters="picture"] input[value="INVESTED_IN"]').isChecked()).toBe(true);
    await screenshot(page, 'explorer-picture-filters');

    // Ticking rivalries and dropping the minimum: the URL and the picture follow, as the API answers them.
    await page.locator('[data-filters="picture"] input[value="COMPETES_WITH"]').check();
    await page.locator('[data-filters="picture"] select[name="min-amount"]').selectOption('any');
    await page.waitForFunction(() => window.explorerProbe!.edges().some((edge) => edge.kind === 'COMPETES_WITH'));
    const url = new URL(page.url());
    expect(url.searchParams.get('kinds')).toBe('INVESTED_IN,SUPPLIES_COMPUTE,COMPETES_WITH');
    expect(url.searchParams.has('min')).toBe(false);
    const wider = (
      await served().api<{ neighborhood: Answer }>('{ neighborhood(companyId: "anthropic", depth: 2, kinds: [INVESTED_IN, SUPPLIES_COMPUTE, COMPETES_WITH]) { nodes { id } edges { id kind amountUsd } } }')
    ).neighborhood;
    await page.waitForSelector(`#graph[data-status="ready"][data-nodes="${wider.nodes.length}"]`);
    expect((await drawnIds(page)).nodes).toEqual(wider.nodes.map((node) => node.id).sort());
  });

  it('says what the caps cut, and copies a link that reopens the same view', async () => {
    const local = await open('/explorer?company=anthropic&depth=3&max=200');
    await local.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const { page } = local;
    await page.waitForSelector('#graph[data-status="ready"][data-center="anthropic"]');
    await page.locator('[data-filters="picture"] select[name="max-nodes"]').selectOption('500');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('max') === '500');
    await page.locator('[data-filters="picture"] select[name="max-nodes"]').selectOption('200');
    await page.waitForSelector('#graph[data-status="ready"]');
    const answer = (await served().api<{ neighborhood: { truncated: boolean; omittedNodes: number; nodes: unknown[] } }>('{ neighborhood(companyId: "anthropic", depth: 3) { truncated omittedNodes nodes { id } } }')).neighborhood;
    const cut = page.locator('[data-cut="picture"]');
    if (answer.truncated) {
      await cut.waitFor();
      expect(await cut.textContent()).toContain(`at least ${answer.omittedNodes.toLocaleString('en-US')} more`);
    } else {
      expect(await cut.isHidden()).toBe(true);
    }
    await page.locator('[data-action="copy-link"]').click();
    await page.waitForSelector('[data-filters="picture"][data-copied-link]');
    const link = await page.locator('[data-filters="picture"]').getAttribute('data-copied-link');
    expect(link).toBe(page.url());
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const again = await open(new URL(link!).pathname + new URL(link!).search);
    await again.page.waitForSelector('#graph[data-status="ready"][data-center="anthropic"]');
    expect((await drawnIds(again.page)).nodes).toEqual((await drawnIds(page)).nodes);
  });

  it('draws a fixed 5,000-company, 15,000-relation picture with sigma.js and measures frames while panning and zooming', async () => {
    const picture = largeSubgraph(5000, 15000);
    const { page, pageErrors } = await open('/explorer?company=hub&max=5000', async (local) => {
      // The picture is the explorer's own drawing of a neighbourhood answer; only the answer is fixed (the seed has no
      // company with 5,000 neighbours). Every other request reaches the real server.
      await local.page.route('**/graphql', async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as { query?: string; variables?: { maxNodes?: number } };
        if (!body.query?.startsWith('query Neighborhood')) return route.fallback();
        expect(body.variables?.maxNodes).toBe(5000);
        return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ data: { neighborhood: picture } }) });
      });
    });
    const started = Date.now();
    // Polled by time, not by animation frame: the frames are what is being measured.
    await page.waitForFunction(() => document.querySelector('#graph[data-status="ready"][data-center="hub"]') !== null, null, { polling: 100, timeout: 60_000 }).catch(async (error: Error) => {
      const state = await page.evaluate(() => ({ graph: { ...document.getElementById('graph')!.dataset }, status: document.querySelector('.status')?.textContent }));
      throw new Error(`${error.message}\n${JSON.stringify(state)}\n${pageErrors.join('\n')}`);
    });
    // The picture is on screen once a frame has been painted after it was handed to the renderer.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const drawMs = Date.now() - started;
    const graph = page.locator('#graph');
    expect(await graph.getAttribute('data-nodes')).toBe('5000');
    expect(await graph.getAttribute('data-edges')).toBe('15000');
    // The drawing holds the answer's very companies and relations, not only as many.
    expect(await drawnIds(page)).toEqual({ nodes: picture.nodes.map((node) => node.id).sort(), edges: picture.edges.map((edge) => edge.id).sort() });
    const renderer = await graph.getAttribute('data-renderer');
    expect(renderer).toBe('sigma');
    expect(await page.locator('[role="status"]').textContent()).toContain('drawn with WebGL (sigma.js)');
    // Sigma drew the first frame: its WebGL canvases are in the graph element.
    expect(await page.locator('#graph canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-cut="picture"]').textContent()).toContain('at least 1,234 more companies');

    // Frame times from requestAnimationFrame during 4 s of scripted panning and zooming: each frame moves the view
    // as a drag and a wheel would (through sigma's camera, which redraws on its next frame).
    const began = Date.now();
    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const frames: number[] = [];
          const start = performance.now();
          let last = start;
          let step = 0;
          const tick = (now: number) => {
            frames.push(now - last);
            last = now;
            step++;
            const phase = Math.floor(step / 30) % 4;
            window.explorerProbe!.panZoom(phase < 2 ? 9 : -9, phase % 2 === 0 ? 5 : -5, phase % 2 === 0 ? 1.025 : 1 / 1.025);
            if (now - start < 4000) requestAnimationFrame(tick);
            else resolve(frames);
          };
          requestAnimationFrame((now) => {
            last = now;
            requestAnimationFrame(tick);
          });
        }),
    );
    const seconds = (Date.now() - began) / 1000;
    const times = frames.slice(1).sort((a, b) => a - b);
    const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? NaN;
    const fps = times.length / (times.reduce((sum, t) => sum + t, 0) / 1000);
    await screenshot(page, 'explorer-large-picture');
    process.stdout.write(
      `[large picture] 5,000 companies / 15,000 relations, renderer ${renderer}: first picture after ${drawMs} ms; ${times.length} frames over ${seconds.toFixed(1)} s of pan and zoom; ` +
        `p95 frame ${p95.toFixed(1)} ms (target ≤ 50 ms), ${fps.toFixed(1)} frames per second\n`,
    );
    // Clicking the centre company on sigma's picture selects it, as on cytoscape's.
    const hub = await page.evaluate(() => window.explorerProbe!.pagePoint('hub'));
    expect(hub).not.toBeNull();
    await page.mouse.click(hub!.x, hub!.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('node') === 'hub', null, { polling: 200, timeout: 60_000 });
    // What must hold: frames were drawn while the view moved. The target (p95 ≤ 50 ms) is reported, not asserted:
    // timings depend on the machine (headless Chromium here has only SwiftShader, WebGL on the CPU).
    expect(times.length).toBeGreaterThanOrEqual(1);
    expect(pageErrors.filter((error) => !/GPU stall|swiftshader|WebGL/i.test(error))).toEqual([]);
  }, 180_000);
});
