import type { Api } from '../api/client';
import { followChanges, type ChangeSocket, type FeedState, type Following } from '../api/change-feed';
import { sourceBatches } from '../api/source-batch';
import type { Change, RelationKindInfo, SourceLink } from '../api/types';
import { el, externalLink, replaceChildren, type Child } from '../dom/el';
import { daysBefore, formatTimestamp, isIsoDay, todayIso } from '../format/dates';
import { changeHighlight, type Highlight } from '../graph/highlight';
import { appendOlder, citedSourceIds, EMPTY_CHANGE_LIST, mergeChanges, newestSeq, oldestSeq, type ChangeList } from '../state/change-list';

/** The default window: changes of the last week. */
export const DEFAULT_SINCE_DAYS = 7;
/** Changes per page of the log. */
const PAGE_SIZE = 100;
/** Live changes arriving within this long are listed together (an import or a cascade delete is many at once). */
const FLUSH_MS = 50;

/** The day the panel lists changes since when the URL names none. */
export function defaultSince(today: string = todayIso()): string {
  return daysBefore(today, DEFAULT_SINCE_DAYS);
}

/** What the changes panel may read and do: the API, the live socket, and the picture and URL it drives. */
export interface ChangesHost {
  api: Api;
  /** The WebSocket the feed follows the log over (opened on first use). */
  socket(): ChangeSocket;
  /** The relation kinds the picture draws: which relation a fact type's change marks. */
  relationKinds(): readonly RelationKindInfo[];
  /** Highlights a row's fact (null: none), as the other panels' rows do. */
  highlight(highlight: Highlight | null): void;
  /** Marks what a row under the pointer names among what is drawn (null: back to the highlight). */
  preview(highlight: Highlight | null): void;
  /** The highlighted row's seq, for the URL. */
  setRow(seq: number | null): void;
  /** A day picked in the panel (null: the default window), for the URL; the host then shows the panel again. */
  setSince(since: string | null): void;
}

const ACTOR_HIDDEN = 'The API names who wrote a change only to callers with an API key; this page sends none.';

const STATE_TEXT: Readonly<Record<FeedState, string>> = {
  connecting: 'Connecting to the live feed…',
  live: 'Live: changes appear here as they are written.',
  reconnecting: 'Connection lost, reconnecting',
  failed: 'Live updates stopped',
  stopped: 'Not following the log.',
};

/**
 * The change log since a day (the last week by default), newest first, followed live over WebSocket: each change's
 * time, writer, operation, what it did in words and its sources. A row highlights its fact on the picture when
 * clicked (again: cleared) and while the pointer is over it.
 */
export class ChangesPanel {
  readonly id = 'changes' as const;
  readonly title = 'Changes';
  readonly element = el('div', { className: 'panel-body', data: { panel: this.id, loaded: 'false', feed: 'stopped' } });
  private list: ChangeList = EMPTY_CHANGE_LIST;
  private following: Following | null = null;
  /** The day listed, while the panel is open. */
  private day: string | null = null;
  private active: number | null = null;
  /** The row (a seq) to highlight once the list is loaded. */
  private requestedRow: number | null = null;
  private generation = 0;
  private pending: Change[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly rows = new Map<number, HTMLTableRowElement>();
  private readonly sourceCells = new Map<number, HTMLTableCellElement>();
  /** Sources by id as the API answered (null: it knows no such source); shared by every row. */
  private readonly sources = new Map<string, SourceLink | null>();
  private readonly asked = new Set<string>();
  private readonly sinceField = el('input', { attrs: { type: 'date', name: 'changes-since', 'aria-label': 'Changes since (day, UTC)' } });
  private readonly count = el('p', { className: 'summary' });
  private readonly feedLine = el('p', { className: 'feed-state', attrs: { role: 'status' } });
  private readonly body = el('tbody');
  private readonly older = el('button', { attrs: { type: 'button', name: 'older-changes' } }, 'Older changes');

  constructor(private readonly host: ChangesHost) {
    this.sinceField.addEventListener('change', () => {
      if (!isIsoDay(this.sinceField.value)) return;
      this.host.setSince(this.sinceField.value === defaultSince() ? null : this.sinceField.value);
    });
    this.older.addEventListener('click', () => void this.loadOlder());
  }

  /**
   * Lists the changes since `since` (null: the last week) and follows the log; shown again for the same day, it keeps
   * its list and its feed and highlights `row` (a seq) again, as a redrawn picture needs.
   */
  show(since: string | null, row: number | null): void {
    const day = since ?? defaultSince();
    if (this.day === day) {
      if (this.following) this.select(row, false);
      else this.requestedRow = row;
      return;
    }
    this.close();
    void this.load(day, row);
  }

  /** Stops following the log (the panel was closed). */
  close(): void {
    this.generation += 1;
    this.following?.stop();
    this.following = null;
    this.day = null;
    clearTimeout(this.flushTimer);
    this.pending = [];
    this.showState('stopped');
  }

  /** The first page since `day`, then the feed after the newest change known. */
  private async load(day: string, row: number | null): Promise<void> {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.day = day;
    this.requestedRow = row;
    this.list = EMPTY_CHANGE_LIST;
    this.active = null;
    this.rows.clear();
    this.sourceCells.clear();
    this.sinceField.max = todayIso();
    this.sinceField.value = day;
    this.element.dataset.loaded = 'false';
    replaceChildren(this.element, this.controls(), el('p', { className: 'hint' }, 'Loading…'));
    let head: number;
    try {
      // The head first: a change committed after it is either in the page or replayed by the feed, never lost.
      head = await this.host.api.changeHead();
      const page = await this.host.api.changes(day, null, PAGE_SIZE);
      if (!current()) return;
      this.list = appendOlder(EMPTY_CHANGE_LIST, page);
    } catch (error) {
      if (!current()) return;
      this.day = null;
      replaceChildren(this.element, this.controls(), el('p', { className: 'error' }, error instanceof Error ? error.message : String(error)));
      this.element.dataset.loaded = 'true';
      return;
    }
    replaceChildren(
      this.element,
      this.controls(),
      this.feedLine,
      this.count,
      el('table', { className: 'rows changes' }, el('thead', {}, el('tr', {}, el('th', {}, 'When'), el('th', {}, 'Change'), el('th', {}, 'Sources'))), this.body),
      this.older,
    );
    this.render([]);
    this.element.dataset.loaded = 'true';
    this.following = followChanges(this.host.socket(), {
      after: Math.max(head, newestSeq(this.list) ?? 0),
      onChange: (change) => {
        if (!current()) return;
        this.pending.push(change);
        clearTimeout(this.flushTimer);
        this.flushTimer = setTimeout(() => this.flush(), FLUSH_MS);
      },
      onState: (state, detail) => {
        if (current()) this.showState(state, detail);
      },
    });
    this.select(this.requestedRow, false);
  }

  private controls(): HTMLElement {
    return el(
      'div',
      { className: 'changes-controls' },
      el('label', {}, 'Since ', this.sinceField),
      el('button', { attrs: { type: 'button' }, title: `The last ${DEFAULT_SINCE_DAYS} days`, on: { click: () => this.host.setSince(null) } }, `Last ${DEFAULT_SINCE_DAYS} days`),
    );
  }

  private showState(state: FeedState, detail?: string): void {
    this.element.dataset.feed = state;
    const retry = state === 'failed' ? el('button', { attrs: { type: 'button' }, on: { click: () => this.reload() } }, 'Reload') : null;
    replaceChildren(this.feedLine, el('span', { className: `feed-dot ${state}` }), ` ${STATE_TEXT[state]}${detail ? `: ${detail}` : ''} `, retry);
  }

  private reload(): void {
    const day = this.day ?? defaultSince();
    const row = this.active;
    this.close();
    void this.load(day, row);
  }

  /** Lists the live changes received since the last flush. */
  private flush(): void {
    const arrived = this.pending;
    this.pending = [];
    const listed = new Set(this.list.changes.map((change) => change.seq));
    this.list = mergeChanges(this.list, arrived);
    this.render(arrived.filter((change) => !listed.has(change.seq)).map((change) => change.seq));
  }

  private async loadOlder(): Promise<void> {
    const day = this.day;
    const before = oldestSeq(this.list);
    if (!day || before === null) return;
    const generation = this.generation;
    this.older.disabled = true;
    try {
      const page = await this.host.api.changes(day, before, PAGE_SIZE);
      if (generation !== this.generation) return;
      this.list = appendOlder(this.list, page);
      this.render([]);
    } catch (error) {
      if (generation === this.generation) replaceChildren(this.count, el('span', { className: 'error' }, error instanceof Error ? error.message : String(error)));
    } finally {
      this.older.disabled = false;
    }
  }

  /** Lays the rows out in the list's order, reusing those already made; `fresh` are new live ones. */
  private render(fresh: readonly number[]): void {
    const shown = new Set(this.list.changes.map((change) => change.seq));
    for (const seq of [...this.rows.keys()]) {
      if (shown.has(seq)) continue;
      this.rows.delete(seq);
      this.sourceCells.delete(seq);
    }
    this.body.replaceChildren(...this.list.changes.map((change) => this.rowOf(change)));
    for (const seq of fresh) this.rows.get(seq)?.classList.add('fresh');
    const n = this.list.changes.length;
    const hidden = this.list.changes.some((change) => change.actor === null) ? ' Writers show as “—”: the API names them only to callers with an API key.' : '';
    this.count.textContent = `${n}${this.list.more ? '+' : ''} change${n === 1 ? '' : 's'} since ${this.day} (00:00 UTC), newest first. Click a row to highlight its fact on the picture.${hidden}`;
    this.older.hidden = !this.list.more;
    this.element.dataset.lastSeq = String(newestSeq(this.list) ?? '');
    this.element.dataset.rows = String(n);
    void this.resolveSources();
  }

  private rowOf(change: Change): HTMLTableRowElement {
    const made = this.rows.get(change.seq);
    if (made) return made;
    const sources = el('td', { className: 'change-sources' });
    const row = el(
      'tr',
      {
        className: `change ${change.kind.toLowerCase()}`,
        data: { seq: String(change.seq), kind: change.kind, entityType: change.entityType },
        attrs: { tabindex: '0' },
        on: {
          click: () => this.select(this.active === change.seq ? null : change.seq, true),
          keydown: (event) => {
            if (event.key === 'Enter') this.select(change.seq, true);
          },
          mouseenter: () => this.host.preview(changeHighlight(change, this.host.relationKinds())),
          mouseleave: () => this.host.preview(null),
        },
      },
      el(
        'td',
        { className: 'change-when' },
        el('time', { attrs: { datetime: change.at } }, formatTimestamp(change.at)),
        el('div', { className: 'meta' }, actorText(change), ' · ', el('code', {}, change.operation)),
      ),
      el(
        'td',
        { className: 'change-what' },
        el('div', { className: 'change-summary' }, change.summary),
        el('div', { className: 'meta' }, el('span', { className: `badge change-kind ${change.kind.toLowerCase()}` }, change.kind.toLowerCase()), ` ${change.entityType}`, change.redactedBy !== null ? ` · details redacted (change ${change.redactedBy})` : null),
      ),
      sources,
    );
    this.rows.set(change.seq, row);
    this.sourceCells.set(change.seq, sources);
    this.fillSources(change, sources);
    return row;
  }

  /** Highlights a change's fact (null: none); `byUser` also writes the row into the URL. */
  private select(seq: number | null, byUser: boolean): void {
    const change = seq === null ? undefined : this.list.changes.find((candidate) => candidate.seq === seq);
    this.active = change ? change.seq : null;
    for (const [rowSeq, row] of this.rows) row.classList.toggle('active', rowSeq === this.active);
    if (byUser || seq !== null) this.host.setRow(this.active);
    if (byUser || change) this.host.highlight(change ? changeHighlight(change, this.host.relationKinds()) : null);
  }

  /** Asks for the sources the listed rows cite that are not known yet, a batch at a time, and fills their cells. */
  private async resolveSources(): Promise<void> {
    const wanted = this.list.changes.flatMap(citedSourceIds).filter((id) => !this.sources.has(id) && !this.asked.has(id));
    for (const batch of sourceBatches(wanted)) {
      for (const id of batch) this.asked.add(id);
      try {
        const found = await this.host.api.sourcesById(batch);
        for (const [id, source] of found) this.sources.set(id, source);
      } catch {
        // Left as ids; asked again when the list next changes.
      } finally {
        for (const id of batch) this.asked.delete(id);
      }
      const answered = new Set(batch);
      for (const change of this.list.changes) {
        const cell = this.sourceCells.get(change.seq);
        if (cell && citedSourceIds(change).some((id) => answered.has(id))) this.fillSources(change, cell);
      }
    }
  }

  private fillSources(change: Change, cell: HTMLElement): void {
    const ids = citedSourceIds(change);
    if (ids.length === 0) {
      replaceChildren(cell, el('span', { className: 'meta' }, '—'));
      return;
    }
    const items: Child[] = ids.map((id) => {
      const source = this.sources.get(id) ?? sourceFromImage(change, id);
      if (source) return el('li', { data: { sourceId: id } }, link(source));
      const known = this.sources.has(id);
      return el('li', { data: { sourceId: id }, className: 'meta', title: known ? 'No longer in the dataset' : 'Loading…' }, known ? id : '…');
    });
    replaceChildren(cell, el('ul', { className: 'sources' }, ...items));
  }
}

function link(source: SourceLink): HTMLElement {
  const anchor = externalLink(source.url, source.publisher || source.title || source.url);
  anchor.title = source.title || source.url;
  return anchor;
}

/** A source's own change holds its record: its link even once the source is gone. */
function sourceFromImage(change: Change, id: string): SourceLink | null {
  if (change.entityType !== 'Source' || change.entityId !== id) return null;
  const image = { ...change.before, ...change.after };
  return typeof image.url === 'string' ? { id, url: image.url, title: String(image.title ?? ''), publisher: String(image.publisher ?? '') } : null;
}

/** The writer's key name, or a dash: the API names writers only to callers with a key, which this page is not. */
function actorText(change: Change): HTMLElement {
  return change.actor ? el('span', { className: 'actor' }, change.actor) : el('span', { className: 'actor', title: ACTOR_HIDDEN }, '—');
}
