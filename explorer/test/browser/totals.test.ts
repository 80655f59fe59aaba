import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { openLocalPage, screenshot, type LocalPage } from '../../../test/support/browser';
import { useSeededExplorer } from '../../../test/support/seeded-explorer';
import type { Money } from '../../src/api/types';
import { formatUsd } from '../../src/format/money';

// Acceptance of the Rankings and Over-time panels: a real server over the seed data, the built page in headless
// Chromium, and what is drawn and downloaded compared with what the totals queries answer.

const MONEY = 'paidUsd committedUsd ceilingUsd contractValueUsd stakeValueUsd headlineUsd undisclosedCount';
const KINDS = ['paidUsd', 'committedUsd', 'ceilingUsd', 'contractValueUsd', 'stakeValueUsd'] as const;

interface Group {
  key: Record<string, { id: string; name: string } | string | null>;
  count: number;
  money: Omit<Money, 'description'>;
  latestPostMoneyUsd?: number | null;
}

describe('rankings and over-time panels (browser)', () => {
  let origin: string;
  let browser: Browser;
  const pages: LocalPage[] = [];
  const served = useSeededExplorer();
  beforeAll(() => ({ origin, browser } = served()));
  const api = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => served().api<T>(query, variables);

  /** One page of a totals query, as the panels ask it. */
  async function totals(query: string, args: string, key: string, extra = ''): Promise<Group[]> {
    const data = await api<{ t: { nodes: Group[] } }>(`query { t: ${query}(${args}) { nodes { key { ${key} } count money { ${MONEY} } ${extra} } } }`);
    return data.t.nodes;
  }

  async function open(path: string): Promise<Page> {
    const local = await openLocalPage(browser, [origin]);
    pages.push(local);
    await local.page.goto(`${origin}${path}`);
    return local.page;
  }

  /** Waits until the panel shows the answer to the request named (data-request) and returns the panel. */
  async function answered(page: Page, panel: string, request: string): Promise<Locator> {
    const locator = page.locator(`[data-panel="${panel}"][data-loaded="true"]:has(> [data-request="${request}"])`);
    await locator.waitFor();
    return locator;
  }

  async function saved(page: Page, button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${button}"]`)]);
    return { name: download.suggestedFilename(), text: fs.readFileSync((await download.path()) as string, 'utf8') };
  }

  /**
   * The ranking's bars as ECharts drew them: waits for its SVG, checks that it names every bar (a y-axis label,
   * truncated with "..." when long) and writes every bar's amount at its end ("—" for none), and returns what the chart was
   * given (data-bars), in order.
   */
  async function bars(panel: Locator): Promise<{ label: string; value: number | null; text: string }[]> {
    const chart = panel.locator('.ranking-bars[data-rendered="true"]');
    await chart.locator('svg').waitFor();
    const drawn = JSON.parse((await chart.getAttribute('data-bars')) ?? '[]') as { label: string; value: number | null; text: string }[];
    const texts = await chart.locator('svg text').allTextContents();
    for (const bar of drawn) expect(texts.some((text) => text === bar.label || (text.endsWith('...') && bar.label.startsWith(text.slice(0, -3))))).toBe(true);
    for (const bar of drawn) expect(texts).toContain(bar.text);
    return drawn;
  }

  it('ranks investors by headline money as investmentTotals answers, on the date and range chosen, and downloads the ranking as CSV', async () => {
    const page = await open('/explorer?panel=rankings');
    const panel = await answered(page, 'rankings', 'Investment:INVESTOR:HEADLINE:10');
    const top = await totals('investmentTotals', 'groupBy: [INVESTOR], sort: {field: HEADLINE, direction: DESC}, first: 10', 'investor { id name }');
    expect(top).toHaveLength(10);
    const drawn = await bars(panel);
    expect(drawn.map((bar) => bar.label)).toEqual(top.map((group) => (group.key.investor as { name: string }).name));
    expect(drawn.map((bar) => Number(bar.value))).toEqual(top.map((group) => group.money.headlineUsd));
    expect(top[0]!.money.headlineUsd).toBeGreaterThan(0);
    // The table beside: the same groups, each with its count and money by kind.
    const first = panel.locator('table.totals-table tbody tr').first();
    expect(await panel.locator('table.totals-table tbody tr').count()).toBe(10);
    expect(await first.getAttribute('data-key')).toBe((top[0]!.key.investor as { id: string }).id);
    expect(await first.locator('[data-field="count"]').textContent()).toBe(String(top[0]!.count));
    for (const kind of KINDS) expect(await first.locator(`[data-field="${kind}"]`).textContent()).toBe(formatUsd(top[0]!.money[kind]));
    await screenshot(page, 'rankings-investors-headline');

    // The CSV: RFC 4180 records ending in CRLF, one per group, the numbers in USD as the API gave them.
    const csv = await saved(page, 'rankings-csv');
    expect(csv.name).toBe('ai-industry-rankings-investment-investor-headline-10-today.csv');
    const records = csv.text.split('\r\n');
    expect(records.pop()).toBe('');
    expect(records[0]).toBe('rank,key,name,count,headlineUsd,paidUsd,committedUsd,ceilingUsd,contractValueUsd,stakeValueUsd,undisclosedCount');
    expect(records.slice(1)).toEqual(
      top.map((group, i) => {
        const investor = group.key.investor as { id: string; name: string };
        const name = /[",\r\n]/.test(investor.name) ? `"${investor.name.replace(/"/g, '""')}"` : investor.name;
        return [i + 1, investor.id, name, group.count, group.money.headlineUsd, ...KINDS.map((kind) => group.money[kind]), group.money.undisclosedCount].join(',');
      }),
    );

    // A range on the announcement date, and the date control's day as the scope.
    await page.fill('input[name="rank-from"]', '2025-01-01');
    await page.locator('input[name="rank-from"]').dispatchEvent('change');
    await page.fill('input[name="rank-to"]', '2025-12-31');
    await page.locator('input[name="rank-to"]').dispatchEvent('change');
    await page.waitForSelector('[data-panel="rankings"][data-loaded="true"] .summary:has-text("announced 2025-01-01 to 2025-12-31")');
    const in2025 = await totals('investmentTotals', 'groupBy: [INVESTOR], filter: {from: "2025-01-01", to: "2025-12-31"}, sort: {field: HEADLINE, direction: DESC}, first: 10', 'investor { name }');
    expect((await bars(panel)).map((bar) => [bar.label, Number(bar.value)])).toEqual(in2025.map((group) => [(group.key.investor as { name: string }).name, group.money.headlineUsd]));

    await page.fill('input[name="as-of"]', '2025-06-30');
    await page.locator('input[name="as-of"]').dispatchEvent('change');
    await page.waitForSelector('[data-panel="rankings"][data-loaded="true"] .summary:has-text("as of 2025-06-30")');
    const then = await totals('investmentTotals', 'groupBy: [INVESTOR], filter: {from: "2025-01-01", to: "2025-12-31"}, sort: {field: HEADLINE, direction: DESC}, first: 10, asOf: "2025-06-30"', 'investor { name }');
    const drawnThen = await bars(panel);
    expect(drawnThen.map((bar) => [bar.label, Number(bar.value)])).toEqual(then.map((group) => [(group.key.investor as { name: string }).name, group.money.headlineUsd]));
    await screenshot(page, 'rankings-investors-2025-as-of-2025-06-30');

    // A market: the question, who put the most money into AI labs in 2025 (docs/totals.md's first example).
    await page.fill('input[name="as-of"]', '2026-12-01');
    await page.locator('input[name="as-of"]').dispatchEvent('change');
    await page.waitForSelector('[data-panel="rankings"][data-loaded="true"] .summary:has-text("as of 2026-12-01")');
    await page.selectOption('select[name="rank-market"]', 'investeeKinds-AI_LAB');
    const inLabs = await answered(page, 'rankings', 'Investment:INVESTOR:HEADLINE:10:investeeKinds-AI_LAB');
    await page.waitForSelector('[data-panel="rankings"][data-loaded="true"] .summary:has-text("where the investee is AI_LAB announced 2025-01-01 to 2025-12-31, as of 2026-12-01")');
    const labs = await totals('investmentTotals', 'groupBy: [INVESTOR], filter: {from: "2025-01-01", to: "2025-12-31", investeeKinds: [AI_LAB]}, sort: {field: HEADLINE, direction: DESC}, first: 10, asOf: "2026-12-01"', 'investor { name }');
    const drawnLabs = await bars(inLabs);
    expect(drawnLabs.map((bar) => [bar.label, Number(bar.value)])).toEqual(labs.map((group) => [(group.key.investor as { name: string }).name, group.money.headlineUsd]));
    expect(drawnLabs[0]).toMatchObject({ label: 'SoftBank Group', value: 30000000000 });
    await screenshot(page, 'rankings-investors-in-ai-labs-2025');

    // The URL holds the choices: a reload shows the same ranking.
    expect(new URL(page.url()).searchParams.get('totals')).toBe('Investment.INVESTOR.HEADLINE.10.investeeKinds-AI_LAB.2025-01-01.2025-12-31');
    await page.reload();
    const reloaded = await answered(page, 'rankings', 'Investment:INVESTOR:HEADLINE:10:investeeKinds-AI_LAB');
    expect(await bars(reloaded)).toEqual(drawnLabs);
    expect(await page.inputValue('input[name="rank-from"]')).toBe('2025-01-01');
    expect(await page.inputValue('select[name="rank-market"]')).toBe('investeeKinds-AI_LAB');
  });

  it('ranks companies by the latest post-money valuation and providers by contract value', async () => {
    const page = await open('/explorer?panel=rankings');
    await answered(page, 'rankings', 'Investment:INVESTOR:HEADLINE:10');
    await page.selectOption('select[name="rank-type"]', 'FundingRound');
    await answered(page, 'rankings', 'FundingRound:COMPANY:HEADLINE:10');
    await page.selectOption('select[name="rank-measure"]', 'LATEST_POST_MONEY');
    await page.selectOption('select[name="rank-top"]', '20');
    const panel = await answered(page, 'rankings', 'FundingRound:COMPANY:LATEST_POST_MONEY:20');
    const rounds = await totals('fundingRoundTotals', 'groupBy: [COMPANY], sort: {field: LATEST_POST_MONEY, direction: DESC}, first: 20', 'company { id name }', 'latestPostMoneyUsd');
    const drawn = await bars(panel);
    expect(drawn.map((bar) => bar.label)).toEqual(rounds.map((group) => (group.key.company as { name: string }).name));
    expect(drawn.map((bar) => bar.value)).toEqual(rounds.map((group) => group.latestPostMoneyUsd ?? null));
    expect(drawn[0]!.label).toBe('OpenAI');
    // A company whose rounds report no valuation has no bar value and comes last, as the API orders it.
    expect(rounds.at(-1)!.latestPostMoneyUsd).toBeNull();
    expect(drawn.at(-1)).toMatchObject({ value: null, text: '—' });
    await screenshot(page, 'rankings-companies-latest-post-money');
    const csv = (await saved(page, 'rankings-csv')).text.split('\r\n');
    expect(csv[0]!.endsWith(',highestPostMoneyUsd,latestPostMoneyUsd')).toBe(true);
    expect(csv[1]!.endsWith(`,${rounds[0]!.latestPostMoneyUsd}`)).toBe(true);

    await page.selectOption('select[name="rank-type"]', 'ComputeDeal');
    await page.selectOption('select[name="rank-measure"]', 'CONTRACT_VALUE');
    const compute = await answered(page, 'rankings', 'ComputeDeal:PROVIDER:CONTRACT_VALUE:20');
    const providers = await totals('computeDealTotals', 'groupBy: [PROVIDER], sort: {field: CONTRACT_VALUE, direction: DESC}, first: 20', 'provider { name }');
    expect((await bars(compute)).map((bar) => [bar.label, Number(bar.value)])).toEqual(providers.map((group) => [(group.key.provider as { name: string }).name, group.money.contractValueUsd]));
    expect(providers[0]!.money.contractValueUsd).toBeGreaterThan(0);

    // By kind: the key is the kind itself.
    await page.selectOption('select[name="rank-grouping"]', 'CUSTOMER_KIND');
    const byKind = await answered(page, 'rankings', 'ComputeDeal:CUSTOMER_KIND:CONTRACT_VALUE:20');
    const kinds = await totals('computeDealTotals', 'groupBy: [CUSTOMER_KIND], sort: {field: CONTRACT_VALUE, direction: DESC}, first: 20', 'customerKind');
    expect((await bars(byKind)).map((bar) => bar.label)).toEqual(kinds.map((group) => group.key.customerKind));
    await screenshot(page, 'rankings-compute-by-customer-kind');

    // Clicking a ranked company draws it.
    await page.selectOption('select[name="rank-grouping"]', 'PROVIDER');
    const again = await answered(page, 'rankings', 'ComputeDeal:PROVIDER:CONTRACT_VALUE:20');
    const provider = (await totals('computeDealTotals', 'groupBy: [PROVIDER], sort: {field: CONTRACT_VALUE, direction: DESC}, first: 1', 'provider { id name }'))[0]!.key.provider as { id: string; name: string };
    const providerId = provider;
    // Its bar: the first and longest, clicked where ECharts drew it (just right of the y axis, on its name's row).
    await bars(again);
    const label = await again.locator('.ranking-bars svg text', { hasText: provider.name.slice(0, 8) }).first().boundingBox();
    await page.mouse.click(label!.x + label!.width + 14, label!.y + label!.height / 2);
    await page.waitForSelector(`#graph[data-status="ready"][data-center="${providerId.id}"]`);
    await answered(page, 'rankings', 'ComputeDeal:PROVIDER:CONTRACT_VALUE:20');
    await screenshot(page, 'rankings-provider-drawn');
  });

  /**
   * The columns the over-time chart was given (data-columns: id, distinct, each kind's value above zero), once ECharts
   * has drawn it in SVG with its legend naming the money kinds.
   */
  async function columns(panel: Locator): Promise<{ id: string; distinct: boolean; values: Record<string, number> }[]> {
    const chart = panel.locator('.quarter-stack[data-rendered="true"]');
    await chart.locator('svg').waitFor();
    const texts = await chart.locator('svg text').allTextContents();
    for (const legend of ['Paid', 'Committed', 'Ceiling', 'Contract value', 'Stake value']) expect(texts).toContain(legend);
    return JSON.parse((await chart.getAttribute('data-columns')) ?? '[]') as { id: string; distinct: boolean; values: Record<string, number> }[];
  }

  /** Every group drawn as its own column with its money by kind; quarters without facts empty; nothing else. */
  function expectChartOf(drawn: Awaited<ReturnType<typeof columns>>, groups: Group[]): void {
    const byBucket = new Map(groups.map((group) => [group.key.quarter as string, group]));
    for (const column of drawn) {
      const group = byBucket.get(column.id);
      const expected = Object.fromEntries(KINDS.filter((kind) => (group?.money[kind] ?? 0) > 0).map((kind) => [kind, group!.money[kind]]));
      expect({ id: column.id, values: column.values }).toEqual({ id: column.id, values: expected });
      expect(column.distinct).toBe(!/^\d{4}-Q[1-4]$/.test(column.id));
    }
    expect(groups.map((group) => group.key.quarter).filter((bucket) => !drawn.some((column) => column.id === bucket))).toEqual([]);
    const known = drawn.filter((column) => !column.distinct).map((column) => column.id);
    // Every quarter between the first and the last, in order.
    const [firstYear, firstQuarter] = known[0]!.split('-Q').map(Number) as [number, number];
    expect(known).toEqual(Array.from({ length: known.length }, (_, i) => `${firstYear + Math.floor((firstQuarter - 1 + i) / 4)}-Q${((firstQuarter - 1 + i) % 4) + 1}`));
  }

  it('stacks the drawn company’s money by kind per quarter as investmentTotals by QUARTER answers it', async () => {
    const page = await open('/explorer?company=anthropic&panel=over-time');
    await page.waitForSelector('#graph[data-status="ready"][data-center="anthropic"]');
    await answered(page, 'over-time', 'Investment:anthropic:as investor');
    await page.selectOption('select[name="over-time-side"]', 'as investee');
    const panel = await answered(page, 'over-time', 'Investment:anthropic:as investee');
    const groups = await totals('investmentTotals', 'groupBy: [QUARTER], filter: {investeeId: "anthropic"}, sort: {field: QUARTER, direction: ASC}, first: 100', 'quarter');
    expect(groups.length).toBeGreaterThan(3);
    const drawn = await columns(panel);
    expectChartOf(drawn, groups);
    expect(await panel.locator('table.totals-table tbody tr').count()).toBe(groups.length);
    await screenshot(page, 'over-time-anthropic-raised');
    expect(new URL(page.url()).searchParams.get('totals')).toBe('Investment.company.AI_LAB.1');
    await page.reload();
    expectChartOf(await columns(await answered(page, 'over-time', 'Investment:anthropic:as investee')), groups);

    const csv = await saved(page, 'over-time-csv');
    expect(csv.name).toBe('ai-industry-over-time-investment-anthropic-as-investee-today.csv');
    const records = csv.text.split('\r\n').filter(Boolean);
    expect(records[0]).toBe('quarter,precision,count,headlineUsd,paidUsd,committedUsd,ceilingUsd,contractValueUsd,stakeValueUsd,undisclosedCount');
    expect(records).toHaveLength(drawn.length + 1);
    for (const group of groups) {
      const bucket = group.key.quarter as string;
      expect(records).toContain([bucket, bucket.endsWith('?') ? 'year' : 'quarter', group.count, group.money.headlineUsd, ...KINDS.map((kind) => group.money[kind]), group.money.undisclosedCount].join(','));
    }
  });

  it('shows a year’s "quarter unknown" bucket as its own hatched column, for the whole graph and for a market', async () => {
    const page = await open('/explorer?panel=over-time');
    await answered(page, 'over-time', 'Investment:graph');
    await page.selectOption('select[name="over-time-type"]', 'ComputeDeal');
    const panel = await answered(page, 'over-time', 'ComputeDeal:graph');
    const groups = await totals('computeDealTotals', 'groupBy: [QUARTER], sort: {field: QUARTER, direction: ASC}, first: 100', 'quarter');
    const drawn = await columns(panel);
    expectChartOf(drawn, groups);
    // CoreWeave's 2023 deal with Nvidia is dated only to 2023: its own column after 2023's quarters, not in one of them.
    const unknown = groups.find((group) => group.key.quarter === '2023-Q?');
    expect(unknown?.money.contractValueUsd).toBeGreaterThan(0);
    const at = drawn.findIndex((column) => column.id === '2023-Q?');
    expect(drawn[at]!.distinct).toBe(true);
    expect(drawn[at - 1]!.id).toBe('2023-Q4');
    expect(drawn[at + 1]!.id).toBe('2024-Q1');
    expect(await panel.locator('tr.distinct[data-bucket="2023-Q?"] td').first().textContent()).toBe('2023, quarter unknown');
    await screenshot(page, 'over-time-compute-whole-graph');

    await page.selectOption('select[name="over-time-scope"]', 'market');
    await page.selectOption('select[name="over-time-side"]', 'as customer');
    const market = await answered(page, 'over-time', 'ComputeDeal:AI_LAB:as customer');
    const labs = await totals('computeDealTotals', 'groupBy: [QUARTER], filter: {customerKinds: [AI_LAB]}, sort: {field: QUARTER, direction: ASC}, first: 100', 'quarter');
    expectChartOf(await columns(market), labs);
    await screenshot(page, 'over-time-compute-ai-labs');
  });

  it('asked nothing of any host but the server, and logged no error', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((local) => local.outsideRequests)).toEqual([]);
    expect(pages.flatMap((local) => local.pageErrors)).toEqual([]);
  });
});
