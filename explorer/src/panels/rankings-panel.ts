import { groupings, rankMeasures, TOTALS_FACT_TYPES, totalsFilter, type Grouping, type RankMeasure, type TotalsFactType } from '../api/totals-catalogue';
import { COMPANY_KINDS } from '../api/types';
import { el, replaceChildren } from '../dom/el';
import { download } from '../export/download';
import { rankingsCsv, totalsFileName } from '../export/totals-csv';
import { isIsoDay } from '../format/dates';
import { formatUsd, MONEY_KINDS } from '../format/money';
import { rankingRows, type RankingRow } from '../state/totals-view';
import { barChart } from './bar-chart';
import { CHOICE_SEPARATOR, choice, moneyCell, type OverviewContext, type OverviewPanel } from './overview-panel';

const TOP_N = [10, 20, 50, 100] as const;

/** Column headings short enough for the table to sit beside the bars (the full name is the heading's title). */
const SHORT: Readonly<Record<(typeof MONEY_KINDS)[number]['field'], string>> = {
  paidUsd: 'Paid',
  committedUsd: 'Committed',
  ceilingUsd: 'Ceiling',
  contractValueUsd: 'Contract',
  stakeValueUsd: 'Stake',
};

function measureText(measure: RankMeasure, value: number | null): string {
  if (value === null) return '—';
  return measure.source === 'count' ? String(value) : formatUsd(value);
}

/**
 * Rankings: the groups of one fact type's totals (investors, providers, companies, their kinds or countries) ranked by
 * a measure, as the API orders them: the top N as bars, a table of their count and money by kind beside, and the
 * answer as CSV. The date control's day is the scope's asOf; a range limits the facts by their main date.
 */
export class RankingsPanel implements OverviewPanel {
  readonly id = 'rankings' as const;
  readonly title = 'Rankings';
  readonly element = el('div', { className: 'panel-body', data: { panel: this.id } });
  private type: TotalsFactType = TOTALS_FACT_TYPES[0]!;
  private grouping: Grouping = groupings(this.type)[0]!;
  private measure: RankMeasure = rankMeasures(this.type)[0]!;
  private top: number = TOP_N[0];
  private from: string | null = null;
  private to: string | null = null;
  /** A market: only facts whose party in a role is of a kind ("investeeKinds-AI_LAB"), or '' for all. */
  private market = '';
  private context: OverviewContext | null = null;
  private rows: RankingRow[] = [];
  private generation = 0;
  private readonly controls = el('div', { className: 'totals-controls' });
  private readonly result = el('div', { className: 'rankings-result' });
  private readonly csvButton = el('button', { attrs: { type: 'button' }, data: { export: 'rankings-csv' }, on: { click: () => this.saveCsv() } }, 'CSV');

  async load(context: OverviewContext): Promise<void> {
    this.context = context;
    if (context.choices !== null && context.choices !== this.choices()) this.restore(context.choices);
    if (this.controls.parentElement !== this.element) replaceChildren(this.element, this.controls, this.result);
    this.drawControls();
    await this.ask();
  }

  private drawControls(): void {
    const types = TOTALS_FACT_TYPES.map((type) => [type.type, type.label] as const);
    const date = (name: string, label: string, value: string | null, set: (value: string | null) => void) =>
      el(
        'label',
        {},
        `${label} `,
        el('input', {
          attrs: { type: 'date', name, 'aria-label': label, value: value ?? '', ...(this.type.dated ? {} : { disabled: '', title: `${this.type.label} take no date range` }) },
          on: {
            change: (event) => {
              const input = event.target as HTMLInputElement;
              set(isIsoDay(input.value) ? input.value : null);
              void this.ask();
            },
          },
        }),
      );
    replaceChildren(
      this.controls,
      choice('rank-type', 'Facts', types, this.type.type, (value) => {
        this.type = TOTALS_FACT_TYPES.find((type) => type.type === value) ?? this.type;
        this.grouping = groupings(this.type)[0]!;
        this.measure = rankMeasures(this.type)[0]!;
        this.market = '';
        this.drawControls();
        void this.ask();
      }),
      choice('rank-grouping', 'Grouped by', groupings(this.type).map((g) => [g.dimension, g.label] as const), this.grouping.dimension, (value) => {
        this.grouping = groupings(this.type).find((g) => g.dimension === value) ?? this.grouping;
        void this.ask();
      }),
      choice('rank-measure', 'Ranked by', rankMeasures(this.type).map((m) => [m.sort, m.label] as const), this.measure.sort, (value) => {
        this.measure = rankMeasures(this.type).find((m) => m.sort === value) ?? this.measure;
        void this.ask();
      }),
      choice('rank-top', 'Top', TOP_N.map((n) => [String(n), String(n)] as const), String(this.top), (value) => {
        this.top = Number(value);
        void this.ask();
      }),
      choice(
        'rank-market',
        'Where',
        [['', 'any companies'], ...this.type.parties.flatMap((party) => COMPANY_KINDS.map((kind) => [`${party.kindsFilter}-${kind}`, `${party.label.toLowerCase()} is ${kind}`] as const))],
        this.market,
        (value) => {
          this.market = value;
          void this.ask();
        },
      ),
      date('rank-from', 'From', this.from, (value) => (this.from = value)),
      date('rank-to', 'To', this.to, (value) => (this.to = value)),
      this.csvButton,
    );
  }

  /** The choices as the URL holds them: type, grouping, measure, top, market, from, to. */
  private choices(): string {
    return [this.type.type, this.grouping.dimension, this.measure.sort, String(this.top), this.market, this.from ?? '', this.to ?? ''].join(CHOICE_SEPARATOR);
  }

  /** Takes the choices a URL holds; a part that names nothing the type has falls back to its default. */
  private restore(text: string): void {
    const [type, grouping, measure, top, market, from, to] = text.split(CHOICE_SEPARATOR);
    this.type = TOTALS_FACT_TYPES.find((candidate) => candidate.type === type) ?? TOTALS_FACT_TYPES[0]!;
    this.grouping = groupings(this.type).find((candidate) => candidate.dimension === grouping) ?? groupings(this.type)[0]!;
    this.measure = rankMeasures(this.type).find((candidate) => candidate.sort === measure) ?? rankMeasures(this.type)[0]!;
    this.top = TOP_N.find((n) => String(n) === top) ?? TOP_N[0];
    const markets = this.type.parties.flatMap((party) => COMPANY_KINDS.map((kind) => `${party.kindsFilter}-${kind}`));
    this.market = markets.includes(market ?? '') ? market! : '';
    this.from = from && isIsoDay(from) ? from : null;
    this.to = to && isIsoDay(to) ? to : null;
  }

  /** What the answer on screen was asked with, for the CSV's name and for tests (data-request). */
  private requestName(): string[] {
    return [this.type.type, this.grouping.dimension, this.measure.sort, String(this.top), ...(this.market ? [this.market] : [])];
  }

  private async ask(): Promise<void> {
    const context = this.context;
    if (!context) return;
    const generation = ++this.generation;
    context.setChoices(this.choices());
    this.element.dataset.loaded = 'false';
    this.csvButton.disabled = true;
    replaceChildren(this.result, el('p', { className: 'hint' }, 'Loading…'));
    const range = { from: this.from, to: this.to };
    try {
      const [kindsFilter, kind] = this.market.split('-');
      const filter = totalsFilter(this.type, null, { kind: 'graph' }, range);
      if (kindsFilter && kind) filter[kindsFilter] = [kind];
      const page = await context.api.totals(this.type, {
        groupBy: [this.grouping.dimension],
        filter,
        sort: { field: this.measure.sort, direction: 'DESC' },
        first: this.top,
        asOf: context.asOf,
      });
      if (generation !== this.generation) return;
      this.rows = rankingRows(page.groups, this.grouping, this.measure);
      this.draw(context);
    } catch (error) {
      if (generation !== this.generation) return;
      this.rows = [];
      replaceChildren(this.result, el('p', { className: 'error' }, error instanceof Error ? error.message : String(error)));
    }
    this.result.dataset.request = this.requestName().join(':');
    this.csvButton.disabled = this.rows.length === 0;
    this.element.dataset.loaded = 'true';
  }

  private draw(context: OverviewContext): void {
    const measure = this.measure;
    const values = this.rows.map((row) => row.value ?? 0);
    const max = Math.max(0, ...values);
    const range = this.type.dated && (this.from || this.to) ? ` announced ${this.from ?? '…'} to ${this.to ?? '…'}` : '';
    const [kindsFilter, kind] = this.market.split('-');
    const where = kind ? ` where the ${this.type.parties.find((party) => party.kindsFilter === kindsFilter)?.label.toLowerCase()} is ${kind}` : '';
    const heading = `Top ${this.top} ${this.grouping.label.toLowerCase()} by ${measure.label.toLowerCase()}: ${this.type.label.toLowerCase()}${where}${range}, as of ${context.asOf ?? 'today'}`;
    if (this.rows.length === 0) {
      replaceChildren(this.result, el('p', { className: 'summary' }, heading), el('p', { className: 'hint' }, 'No group on this date.'));
      return;
    }
    const open = (row: RankingRow) => (row.company ? () => context.open(row.company!) : undefined);
    const extremes = this.type.extremes;
    const table = el(
      'table',
      { className: 'rows totals-table' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...[['#', 'Rank'], [this.grouping.label, this.grouping.label], ['Count', 'Facts in the group'], ['Headline', 'Paid + committed'], ...MONEY_KINDS.map((kind) => [SHORT[kind.field], `${kind.label}: ${kind.meaning}`]), ['Undiscl.', 'Facts whose amount is not public'], ...extremes.map((extreme) => [extreme.label, extreme.label])].map(([text, title]) => el('th', { title }, text)),
        ),
      ),
      el(
        'tbody',
        {},
        ...this.rows.map((row) =>
          el(
            'tr',
            { title: row.group.money.description, data: { key: row.keyValue ?? '' }, on: row.company ? { click: open(row)! } : {} },
            el('td', {}, String(row.rank)),
            el('td', {}, row.label),
            el('td', { data: { field: 'count' } }, String(row.group.count)),
            moneyCell('headlineUsd', row.group.money.headlineUsd),
            ...MONEY_KINDS.map((kind) => moneyCell(kind.field, row.group.money[kind.field])),
            el('td', { data: { field: 'undisclosedCount' } }, String(row.group.money.undisclosedCount)),
            ...extremes.map((extreme) => {
              const value = row.group[extreme.field];
              return el('td', { data: { field: extreme.field } }, typeof value === 'number' ? formatUsd(value) : '—');
            }),
          ),
        ),
      ),
    );
    const chart = barChart(
      `${this.grouping.label} by ${measure.label.toLowerCase()}`,
      this.rows.map((row) => ({
        label: row.label,
        value: row.value,
        fraction: max > 0 ? (row.value ?? 0) / max : 0,
        text: measureText(measure, row.value),
        detail: row.group.money.description,
        onClick: open(row),
      })),
    );
    // Bars of one money kind take its colour in the over-time chart.
    chart.dataset.kind = measure.field;
    replaceChildren(
      this.result,
      el('p', { className: 'summary' }, heading),
      el('div', { className: 'rankings-body' }, chart, el('div', { className: 'table-scroll' }, table)),
      el('p', { className: 'hint' }, 'Headline is paid + committed; ceilings, contract and stake values are never in it. Click a company to draw it.'),
    );
  }

  private saveCsv(): void {
    if (this.rows.length === 0) return;
    download(totalsFileName(['rankings', ...this.requestName()], this.context?.asOf ?? null), rankingsCsv(this.rows, this.type.extremes), 'text/csv');
  }
}
