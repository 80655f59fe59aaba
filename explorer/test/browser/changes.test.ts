import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { openLocalPage, screenshot, type LocalPage } from '../../../test/support/browser';
import { useSeededExplorer } from '../../../test/support/seeded-explorer';
import { WRITER_KEY } from '../../../test/support/test-app';
import { daysBefore, todayIso } from '../../src/format/dates';
import type {} from '../../src/probe';

// The changes panel of /explorer against a real server over the seed data: the log since a day as the API lists it,
// a write made during the test appearing live (no reload) with its summary and its source, its fact highlighted on
// the picture when its row is clicked, and a dropped socket resumed after the last seq with nothing missed or doubled.

interface ApiChange {
  seq: number;
  summary: string;
  entityType: string;
  entityId: string | null;
  companyIds: string[];
}

describe('explorer changes panel (browser)', () => {
  let origin: string;
  let browser: Browser;
  const pages: LocalPage[] = [];
  const served = useSeededExplorer();
  beforeAll(() => ({ origin, browser } = served()));
  const api = <T>(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<T> => served().api<T>(query, variables, key);

  /** The changes after a seq, as this page (a caller without a key) is shown them. */
  async function changesAfter(seq: number): Promise<ApiChange[]> {
    const data = await api<{ changes: { nodes: ApiChange[] } }>('query($after: String) { changes(after: $after, first: 100) { nodes { seq summary entityType entityId companyIds } } }', {
      after: String(seq),
    });
    return data.changes.nodes;
  }

  async function head(): Promise<number> {
    return (await api<{ changes: { nodes: { seq: number }[] } }>('{ changes(newestFirst: true, first: 1) { nodes { seq } } }')).changes.nodes[0]?.seq ?? 0;
  }

  /** Records a new investment (a new source with it) with the writer key; its amount makes it a new fact each time. */
  async function recordInvestment(investorId: string, investeeId: string, amountUsd: number): Promise<string> {
    const data = await api<{ recordInvestment: { id: string } }>(
      'mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }',
      {
        input: {
          investorId,
          investeeId,
          amountUsd,
          amountKind: 'PAID',
          announcedOn: '2026-12-01',
          round: `changes panel test ${amountUsd}`,
          sources: [{ url: `https://example.com/changes-panel-test/${amountUsd}`, title: `Test investment ${amountUsd}`, publisher: 'Example Wire' }],
        },
      },
      WRITER_KEY,
    );
    return data.recordInvestment.id;
  }

  async function open(path: string, beforeGoto?: (page: Page) => Promise<void>): Promise<Page> {
    const local = await openLocalPage(browser, [origin]);
    pages.push(local);
    await beforeGoto?.(local.page);
    await local.page.goto(`${origin}${path}`);
    return local.page;
  }

  const panel = (page: Page) => page.locator('[data-panel="changes"]');
  const row = (page: Page, seq: number) => panel(page).locator(`tbody tr[data-seq="${seq}"]`);

  async function listedSeqs(page: Page): Promise<number[]> {
    return panel(page).locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.seq)));
  }

  it('lists the last week’s changes as the API does, adds a write live with its summary and source, and highlights its fact when clicked', async () => {
    const page = await open('/explorer?company=anthropic&panel=changes');
    await page.waitForSelector('#graph[data-status="ready"][data-center="anthropic"]');
    await panel(page).and(page.locator('[data-loaded="true"][data-feed="live"]')).waitFor();

    // The default window: changes since 7 days ago, newest first, the first page of 100 (the seed wrote ~470).
    const since = daysBefore(todayIso(), 7);
    expect(await page.inputValue('input[name="changes-since"]')).toBe(since);
    const expected = await api<{ changes: { nodes: { seq: number; summary: string }[]; pageInfo: { hasNextPage: boolean } } }>(
      'query($since: String!) { changes(filter: { since: $since }, newestFirst: true, first: 100) { nodes { seq summary } pageInfo { hasNextPage } } }',
      { since },
    );
    expect(expected.changes.nodes.length).toBeGreaterThan(50);
    expect(await listedSeqs(page)).toEqual(expected.changes.nodes.map((c) => c.seq));
    expect(await panel(page).locator('tbody tr .change-summary').first().textContent()).toBe(expected.changes.nodes[0]!.summary);
    expect(await page.locator('button[name="older-changes"]').isVisible()).toBe(expected.changes.pageInfo.hasNextPage);

    // An investor the picture draws into Anthropic: its new investment's edge is on screen.
    const drawn = await page.evaluate(() => window.explorerProbe!.edges());
    const edge = drawn.find((e) => e.kind === 'INVESTED_IN' && e.target === 'anthropic');
    expect(edge).toBeDefined();
    const before = await head();
    const id = await recordInvestment(edge!.source, 'anthropic', 123_456_789);

    // The write logged its new source, then the investment; both arrive without a reload.
    const written = await changesAfter(before);
    expect(written.map((c) => c.entityType)).toEqual(['Source', 'Investment']);
    const investment = written[1]!;
    expect(investment.entityId).toBe(id);
    const newRow = row(page, investment.seq);
    await newRow.waitFor({ timeout: 15_000 });
    expect(await newRow.locator('.change-summary').textContent()).toBe(investment.summary);
    expect(await newRow.textContent()).toContain('Investment');
    expect(await newRow.getAttribute('data-kind')).toBe('CREATED');
    expect(await newRow.locator('code').textContent()).toBe('recordInvestment');
    expect((await listedSeqs(page)).slice(0, 2)).toEqual([investment.seq, written[0]!.seq]);
    // Its source as a link, read from the API by id.
    const link = newRow.locator('.change-sources a');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://example.com/changes-panel-test/123456789');
    expect(await link.textContent()).toBe('Example Wire');
    await screenshot(page, 'explorer-changes-live');

    // Clicked, the row highlights the investment's two companies and the edge between them, and the URL keeps it.
    await newRow.click();
    await page.waitForSelector(`#graph[data-highlighted-edges="${edge!.id}"]`);
    const highlighted = await page.evaluate(() => window.explorerProbe!.highlighted());
    expect(highlighted.nodes.sort()).toEqual([edge!.source, 'anthropic'].sort());
    expect(highlighted.edges).toEqual([edge!.id]);
    expect(new URL(page.url()).searchParams.get('row')).toBe(String(investment.seq));
    expect(await newRow.getAttribute('class')).toContain('active');
    // The pointer leaving the row keeps the clicked highlight; a second click clears it.
    await page.mouse.move(5, 5);
    expect(await page.getAttribute('#graph', 'data-highlighted-edges')).toBe(edge!.id);
    await screenshot(page, 'explorer-changes-highlight');
    await newRow.click();
    await page.waitForSelector('#graph[data-highlighted-nodes=""]');
    expect(new URL(page.url()).searchParams.get('row')).toBeNull();
  });

  it('resumes after the last seq received when the socket drops: a change written meanwhile arrives once', async () => {
    const sockets: { route: WebSocketRoute; server: WebSocketRoute; sent: string[] }[] = [];
    let releaseResubscribe: () => void = () => undefined;
    const resubscribeHeld = new Promise<void>((resolve) => (releaseResubscribe = resolve));
    const page = await open('/explorer?panel=changes', (p) =>
      p.routeWebSocket(/\/graphql$/, (route) => {
        const toServer = route.connectToServer();
        const socket = { route, server: toServer, sent: [] as string[] };
        const index = sockets.push(socket) - 1;
        route.onMessage((message) => {
          const text = String(message);
          socket.sent.push(text);
          // The second connection's subscription waits until a change was written while no socket was following.
          if (index > 0 && text.includes('"subscribe"')) void resubscribeHeld.then(() => toServer.send(text));
          else toServer.send(text);
        });
      }),
    );
    await panel(page).and(page.locator('[data-loaded="true"][data-feed="live"]')).waitFor();

    const first = await head();
    await recordInvestment('google', 'openai', 222_000_001);
    const [, firstInvestment] = await changesAfter(first);
    await row(page, firstInvestment!.seq).waitFor({ timeout: 15_000 });

    // The connection drops: the page's side and the server's.
    await sockets[0]!.route.close({ code: 1012, reason: 'service restart' });
    await sockets[0]!.server.close();
    await panel(page).and(page.locator('[data-feed="reconnecting"]')).waitFor();
    const missed = await recordInvestment('google', 'openai', 222_000_002);
    const written = await changesAfter(firstInvestment!.seq);
    expect(written.map((c) => c.entityId)).toContain(missed);
    releaseResubscribe();

    const last = written[written.length - 1]!;
    await row(page, last.seq).waitFor({ timeout: 15_000 });
    await panel(page).and(page.locator('[data-feed="live"]')).waitFor();
    // The new socket asked for the changes after the last one received, no earlier.
    expect(sockets).toHaveLength(2);
    const resubscribe = JSON.parse(sockets[1]!.sent.find((text) => text.includes('"subscribe"'))!) as { payload: { variables: { after: string } } };
    expect(resubscribe.payload.variables.after).toBe(String(firstInvestment!.seq));
    // Each change once, in seq order.
    const seqs = await listedSeqs(page);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(seqs.slice(0, written.length + 1)).toEqual([...written.map((c) => c.seq).reverse(), firstInvestment!.seq]);
    expect(await row(page, last.seq).locator('.change-summary').textContent()).toBe(last.summary);
  });

  it('asked nothing of any host but the server, and logged no error', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((local) => local.outsideRequests)).toEqual([]);
    expect(pages.flatMap((local) => local.pageErrors)).toEqual([]);
  });
});
