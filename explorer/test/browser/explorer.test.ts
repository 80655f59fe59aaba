import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openLocalPage, screenshot, type LocalPage } from '../../../test/support/browser';
import { useSeededExplorer } from '../../../test/support/seeded-explorer';
import { dayNumber } from '../../src/format/dates';
import type {} from '../../src/probe';

// Acceptance of /explorer: a real server over the seed data, the built page in headless Chromium, and every check
// compared with what the API itself answers.

interface ApiEdge {
  id: string;
  from: string;
  to: string;
  kind: string;
  label: string;
  money: { description: string };
}

describe('explorer page (browser)', () => {
  let origin: string;
  let browser: Browser;
  const pages: LocalPage[] = [];
  const served = useSeededExplorer();
  beforeAll(() => ({ origin, browser } = served()));
  const api = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => served().api<T>(query, variables);

  async function neighbourhood(companyId: string, depth: number, asOf: string | null): Promise<{ nodes: { id: string }[]; edges: ApiEdge[] }> {
    const data = await api<{ neighborhood: { nodes: { id: string }[]; edges: ApiEdge[] } }>(
      'query($c: ID!, $d: Int!, $a: Date) { neighborhood(companyId: $c, depth: $d, asOf: $a) { nodes { id } edges { id from to kind label money { description } } } }',
      { c: companyId, d: depth, a: asOf },
    );
    return data.neighborhood;
  }

  async function open(path: string): Promise<Page> {
    const local = await openLocalPage(browser, [origin]);
    pages.push(local);
    await local.page.goto(`${origin}${path}`);
    return local.page;
  }

  /** Waits until the graph shows `company` as of `asOf` ('' for today), drawn. */
  async function drawn(page: Page, company: string, asOf = ''): Promise<void> {
    await page.waitForSelector(`#graph[data-status="ready"][data-center="${company}"][data-as-of="${asOf}"]`);
  }

  async function drawing(page: Page): Promise<{ nodes: string[]; edges: { id: string; source: string; target: string; label: string }[]; highlighted: { nodes: string[]; edges: string[] } }> {
    return page.evaluate(() => {
      const probe = window.explorerProbe;
      if (!probe) throw new Error('the page exposes no explorerProbe');
      return { nodes: probe.nodeIds().sort(), edges: probe.edges(), highlighted: probe.highlighted() };
    });
  }

  /** Clicks where the page draws a node or an edge's midpoint. */
  async function clickElement(page: Page, id: string): Promise<void> {
    const point = await page.evaluate((elementId) => window.explorerProbe?.pagePoint(elementId) ?? null, id);
    if (!point) throw new Error(`${id} is not drawn`);
    await page.mouse.click(point.x, point.y);
  }

  /** The edges the page can draw: the API's edges whose both ends it returned. */
  function drawable(answer: { nodes: { id: string }[]; edges: ApiEdge[] }): string[] {
    const ids = new Set(answer.nodes.map((node) => node.id));
    return answer.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to)).map((edge) => edge.id).sort();
  }

  it('finds Anthropic when searching "antropic" and draws its neighbourhood as the API answers it', async () => {
    const page = await open('/explorer');
    await page.waitForSelector('#graph[data-status="empty"]');
    await page.fill('[data-search="company"] input', 'antropic');
    const firstHit = page.locator('[data-search="company"] .search-hits li').first();
    await firstHit.waitFor();
    expect(await firstHit.getAttribute('data-company-id')).toBe('anthropic');
    expect(await firstHit.textContent()).toContain('Anthropic');
    await screenshot(page, 'explorer-search-antropic');
    await firstHit.click();
    await drawn(page, 'anthropic');
    expect(new URL(page.url()).searchParams.get('company')).toBe('anthropic');

    const answer = await neighbourhood('anthropic', 1, null);
    const picture = await drawing(page);
    expect(answer.nodes.length).toBeGreaterThan(5);
    expect(await page.getAttribute('#graph', 'data-nodes')).toBe(String(answer.nodes.length));
    expect(picture.nodes).toEqual(answer.nodes.map((node) => node.id).sort());
    expect(picture.edges.map((edge) => edge.id).sort()).toEqual(drawable(answer));
    await screenshot(page, 'explorer-neighbourhood-anthropic');

    // Depth 2 asks for more and draws exactly that.
    await page.selectOption('select[name="depth"]', '2');
    const deeper = await neighbourhood('anthropic', 2, null);
    expect(deeper.nodes.length).toBeGreaterThan(answer.nodes.length);
    await page.waitForSelector(`#graph[data-status="ready"][data-nodes="${deeper.nodes.length}"]`);
    expect((await drawing(page)).nodes).toEqual(deeper.nodes.map((node) => node.id).sort());
    await screenshot(page, 'explorer-neighbourhood-anthropic-depth2');
  });

  it('redraws the picture as of 2023-12-31 with the slider: Amazon → Anthropic is one tranche, $1.25B paid of up to $4B, with its sources', async () => {
    const page = await open('/explorer?company=anthropic');
    await drawn(page, 'anthropic');
    const today = await drawing(page);

    await page.locator('input[name="as-of-slider"]').evaluate((slider, day) => {
      const input = slider as HTMLInputElement;
      input.value = String(day);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, dayNumber('2023-12-31'));
    await drawn(page, 'anthropic', '2023-12-31');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2023-12-31');
    expect(await page.inputValue('input[name="as-of"]')).toBe('2023-12-31');

    const then = await neighbourhood('anthropic', 1, '2023-12-31');
    const picture = await drawing(page);
    expect(picture.nodes).toEqual(then.nodes.map((node) => node.id).sort());
    expect(picture.edges.map((edge) => edge.id).sort()).toEqual(drawable(then));
    expect(picture.edges.map((edge) => edge.id).sort()).not.toEqual(today.edges.map((edge) => edge.id).sort());

    const amazonEdge = then.edges.find((edge) => edge.kind === 'INVESTED_IN' && edge.from === 'amazon' && edge.to === 'anthropic');
    expect(amazonEdge?.money.description).toMatch(/\$1\.25B.*\$4B/);
    const drawnEdge = picture.edges.find((edge) => edge.id === amazonEdge?.id);
    expect(drawnEdge?.label).toBe(amazonEdge?.label);
    expect(drawnEdge?.label).toContain('$1.25B');
    await screenshot(page, 'explorer-as-of-2023-12-31');

    // The edge's side panel: the one investment known then, its money by kind, one funded tranche, its sources.
    const facts = await api<{ investments: { nodes: { id: string; state: { known: boolean; money: { description: string } }; sources: { url: string }[] }[] } }>(
      'query { investments(filter: { investorId: "amazon", investeeId: "anthropic" }, first: 20) { nodes { id state(asOf: "2023-12-31") { known money { description } } sources { url } } } }',
    );
    const known = facts.investments.nodes.filter((fact) => fact.state.known);
    expect(known).toHaveLength(1);
    await clickElement(page, amazonEdge!.id);
    const panel = page.locator(`.side-panel[data-selection="edge:${amazonEdge!.id}"][data-loaded="true"]`);
    await panel.waitFor();
    expect(new URL(page.url()).searchParams.get('edge')).toBe(amazonEdge!.id);
    const articles = panel.locator('article.fact');
    expect(await articles.count()).toBe(1);
    expect(await articles.first().getAttribute('data-fact-id')).toBe(known[0]!.id);
    expect(await articles.first().locator('.money-description').textContent()).toBe(known[0]!.state.money.description);
    expect(await articles.first().locator('.money-lines th').allTextContents()).toEqual(['Paid', 'Ceiling']);
    expect(await articles.first().locator('.events li[data-event="TRANCHE_FUNDED"]').count()).toBe(1);
    const links = await articles.first().locator('.sources a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(known[0]!.sources.map((source) => source.url).sort());
    expect(links.length).toBeGreaterThan(0);
    await screenshot(page, 'explorer-edge-sources');
  });

  it('highlights a money loop on the graph', async () => {
    const page = await open('/explorer?company=anthropic&panel=loops');
    await drawn(page, 'anthropic');
    const loops = await api<{ moneyLoops: { nodes: { steps: { from: { id: string }; to: { id: string } }[] }[] } }>(
      'query { moneyLoops(companyId: "anthropic", maxLength: 4, first: 100) { nodes { steps { from { id } to { id } } } } }',
    );
    expect(loops.moneyLoops.nodes.length).toBeGreaterThan(0);
    const panel = page.locator('[data-panel="loops"][data-loaded="true"]');
    await panel.waitFor();
    expect(await panel.locator('tbody tr').count()).toBe(loops.moneyLoops.nodes.length);
    await panel.locator('tbody tr').first().click();
    await page.waitForSelector('#graph:not([data-highlighted-edges=""])');
    const loop = loops.moneyLoops.nodes[0]!;
    const { highlighted } = await drawing(page);
    expect(highlighted.nodes.sort()).toEqual([...new Set(loop.steps.map((step) => step.from.id))].sort());
    expect(highlighted.edges).toHaveLength(loop.steps.length);
    expect(new URL(page.url()).searchParams.get('row')).toBe('0');
    await screenshot(page, 'explorer-money-loop');
  });

  it('highlights the connection between two chosen companies with its English steps', async () => {
    const page = await open('/explorer?company=amazon&panel=connection');
    await drawn(page, 'amazon');
    await page.fill('[data-search="connection-to"] input', 'microsoft');
    const hit = page.locator('[data-search="connection-to"] .search-hits li[data-company-id="microsoft"]');
    await hit.click();
    const path = await api<{ connection: { nodes: { id: string }[]; steps: { description: string }[] } }>(
      'query { connection(fromId: "amazon", toId: "microsoft", maxHops: 4) { nodes { id } steps { description } } }',
    );
    const result = page.locator('[data-panel="connection"][data-loaded="true"] .connection-result[data-loaded="true"] ol.steps li');
    await result.first().waitFor();
    expect(await result.allTextContents()).toEqual(path.connection.steps.map((step) => step.description));
    expect(new URL(page.url()).searchParams.get('to')).toBe('microsoft');
    const { highlighted, nodes } = await drawing(page);
    expect(highlighted.nodes.sort()).toEqual(path.connection.nodes.map((node) => node.id).sort());
    expect(highlighted.edges).toHaveLength(path.connection.steps.length);
    expect(nodes).toEqual(expect.arrayContaining(path.connection.nodes.map((node) => node.id)));
    await screenshot(page, 'explorer-connection-amazon-microsoft');
  });

  it('restores the whole view from its URL on reload', async () => {
    const page = await open('/explorer?company=anthropic&panel=connection&to=microsoft');
    await drawn(page, 'anthropic');
    await page.locator('.connection-result[data-loaded="true"] ol.steps').waitFor();
    await page.selectOption('select[name="depth"]', '2');
    await page.fill('input[name="as-of"]', '2024-06-30');
    await page.locator('input[name="as-of"]').dispatchEvent('change');
    await drawn(page, 'anthropic', '2024-06-30');
    await page.locator('.connection-result[data-loaded="true"] ol.steps').waitFor();
    await page.waitForSelector('#graph:not([data-highlighted-edges=""])');
    const before = await drawing(page);
    const url = page.url();
    expect(new URL(url).search).toBe('?company=anthropic&depth=2&asOf=2024-06-30&panel=connection&to=microsoft');

    await page.reload();
    await drawn(page, 'anthropic', '2024-06-30');
    await page.locator('.connection-result[data-loaded="true"] ol.steps').waitFor();
    await page.waitForSelector('#graph:not([data-highlighted-edges=""])');
    expect(page.url()).toBe(url);
    expect(await page.inputValue('select[name="depth"]')).toBe('2');
    expect(await page.inputValue('input[name="as-of"]')).toBe('2024-06-30');
    expect(await page.inputValue('[data-search="connection-to"] input')).toBe('Microsoft');
    expect(await page.getAttribute('[data-tab="connection"]', 'aria-selected')).toBe('true');
    const after = await drawing(page);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.highlighted.nodes.sort()).toEqual(before.highlighted.nodes.sort());
    expect(after.highlighted.edges.sort()).toEqual(before.highlighted.edges.sort());
    expect((await neighbourhood('anthropic', 2, '2024-06-30')).nodes.length).toBeLessThanOrEqual(after.nodes.length);
    await screenshot(page, 'explorer-reloaded');
  });

  it('shows backers of competitors with hedges marked, two-sided bets and exposure bars as the API answers them', async () => {
    const page = await open('/explorer?company=anthropic&panel=backers');
    await drawn(page, 'anthropic');
    const backers = await api<{ backersOfCompetitors: { backer: { id: string }; alsoBacksTarget: boolean }[] }>(
      'query { backersOfCompetitors(companyId: "anthropic") { backer { id } alsoBacksTarget } }',
    );
    const panel = page.locator('[data-panel="backers"][data-loaded="true"]');
    await panel.waitFor();
    expect(await panel.locator('tbody tr').count()).toBe(backers.backersOfCompetitors.length);
    const hedges = backers.backersOfCompetitors.filter((row) => row.alsoBacksTarget);
    expect(hedges.length).toBeGreaterThan(0);
    expect(await panel.locator('tbody tr.hedge').count()).toBe(hedges.length);
    await panel.locator('tbody tr.hedge').first().click();
    await page.waitForSelector('#graph:not([data-highlighted-edges=""])');
    const hedgeIndex = backers.backersOfCompetitors.findIndex((row) => row.alsoBacksTarget);
    expect(new URL(page.url()).searchParams.get('row')).toBe(String(hedgeIndex));
    await screenshot(page, 'explorer-backers-hedge');

    await page.click('[data-tab="two-sided"]');
    const twoSided = page.locator('[data-panel="two-sided"][data-loaded="true"]');
    await twoSided.waitFor();
    const bets = await api<{ twoSidedBackers: { nodes: { backer: { id: string }; sideA: { id: string }; sideB: { id: string } }[] } }>(
      'query { twoSidedBackers(first: 500) { nodes { backer { id } sideA { id } sideB { id } } } }',
    );
    const involving = bets.twoSidedBackers.nodes.filter((row) => [row.backer.id, row.sideA.id, row.sideB.id].includes('anthropic'));
    expect(await twoSided.locator('tbody tr').count()).toBe(involving.length);

    await page.click('[data-tab="exposure"]');
    const exposurePanel = page.locator('[data-panel="exposure"][data-loaded="true"]');
    await exposurePanel.waitFor();
    const exposure = await api<{ exposure: { funders: { counterparty: { name: string }; share: number | null }[]; computeSuppliers: { counterparty: { name: string } }[] } }>(
      'query { exposure(companyId: "anthropic") { funders { counterparty { name } share } computeSuppliers { counterparty { name } } } }',
    );
    const funderBars = exposurePanel.locator('.bar-chart').first().locator('.bar-row');
    expect(await funderBars.evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.label))).toEqual(exposure.exposure.funders.map((f) => f.counterparty.name));
    expect(await funderBars.first().getAttribute('data-fraction')).toBe((exposure.exposure.funders[0]!.share ?? 0).toFixed(4));
    expect(await exposurePanel.locator('.bar-chart').nth(1).locator('.bar-row').count()).toBe(exposure.exposure.computeSuppliers.length);
    await screenshot(page, 'explorer-exposure');
  });

  it('expands a clicked company into the picture and exports the view as CSV and GraphML', async () => {
    const page = await open('/explorer?company=anthropic');
    await drawn(page, 'anthropic');
    const before = await drawing(page);
    await clickElement(page, 'amazon');
    await page.locator('.side-panel[data-selection="node:amazon"][data-loaded="true"]').waitFor();
    const amazon = await neighbourhood('amazon', 1, null);
    const expected = [...new Set([...before.nodes, ...amazon.nodes.map((node) => node.id)])].sort();
    await page.waitForSelector(`#graph[data-nodes="${expected.length}"]`);
    expect((await drawing(page)).nodes).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('expand')).toBe('amazon');
    await screenshot(page, 'explorer-expanded-amazon');

    const saved = async (label: string): Promise<string> => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${label}"]`)]);
      return fs.readFileSync((await download.path()) as string, 'utf8');
    };
    const picture = await drawing(page);
    const relations = (await saved('Relations CSV')).split('\r\n').filter(Boolean);
    expect(relations).toHaveLength(picture.edges.length + 1);
    expect(relations.slice(1).map((line) => line.split(',')[0]).sort()).toEqual(picture.edges.map((edge) => edge.id).sort());
    const companies = (await saved('Companies CSV')).split('\r\n').filter(Boolean);
    expect(companies).toHaveLength(picture.nodes.length + 1);
    const graphml = await saved('GraphML');
    expect(graphml.match(/<node /g)).toHaveLength(picture.nodes.length);
    expect(graphml.match(/<edge /g)).toHaveLength(picture.edges.length);
  });

  it('asked nothing of any host but the server, and logged no error', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((local) => local.outsideRequests)).toEqual([]);
    expect(pages.flatMap((local) => local.pageErrors)).toEqual([]);
  });
});
