import { groupings, rankMeasures, TOTALS_FACT_TYPES, totalsFilter, type Grouping, type RankMeasure, type TotalsFactType } from '../api/totals-catalogue';
import { COMPANY_KINDS } from '../api/types';
import { KIND_COLORS } from '../charts/kind-colors';
import { rankingBars } from '../charts/ranking-bars';
import { el, type Child } from '../dom/el';
import { rankingsCsv, totalsFileName } from '../export/totals-csv';
import { isIsoDay } from '../format/dates';
import { formatUsd, MONEY_KINDS } from '../format/money';
import { rankingRows, type RankingRow } from '../state/totals-view';
import { CHOICE_SEPARATOR, choice, moneyCell, type OverviewContext } from './overview-panel';
import { TotalsPanel } from './totals-panel';

const TOP_N = [10, 20, 50, 100] as const;

/** Bars of a count or a valuation: no money kind's colour. */
const COUNT_COLOR = '#546e7a';

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
export class RankingsPanel extends TotalsPanel<RankingRow[]> {
  readonly id = 'rankings' as const;
  readonly title = 'Rankings';
  private type: TotalsFactType = TOTALS_FACT_TYPES[0]!;
  private grouping: Grouping = groupings(this.type)[0]!;
  private measure: RankMeasure = rankMeasures(this.type)[0]!;
  private top: number = TOP_N[0];
  private from: string | null = null;
  private to: string | null = null;
  /** A market: only facts whose party in a role is of a kind ("investeeKinds-AI_LAB"), or '' for all. */
  private market = '';

  constructor() {
    super('rankings', 'rankings-result');
  }

  protected controlElements(): Child[] {
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
    return [
      choice('rank-type', 'Facts', types, this.type.type, (value) => {
        this.type = TOTALS_FACT_TYPES.find((type) => type.type === value) ?? this.type;
        this.grouping = groupings(this.type)[0]!;
        this.measure = rankMeasures(this.type)[0]!;
        this.market = '';
        this.redrawControls();
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
    ];
  }

  /** The choices as the URL holds them: type, grouping, measure, top, market, from, to. */
  protected choices(): string {
    return [this.type.type, this.grouping.dimension, this.measure.sort, String(this.top), this.market, this.from ?? '', this.to ?? ''].join(CHOICE_SEPARATOR);
  }

  /** Takes the choices a URL holds; a part that names nothing the type has falls back to its default. */
  protected restore(text: string): void {
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
  protected requestName(): string[] {
    return [this.type.type, this.grouping.dimension, this.measure.sort, String(this.top), ...(this.market ? [this.market] : [])];
  }

  protected async fetch(context: OverviewContext): Promise<RankingRow[]> {
    const [kindsFilter, kind] = this.market.split('-');
    const filter = totalsFilter(this.type, null, { kind: 'graph' }, { from: this.from, to: this.to });
    if (kindsFilter && kind) filter[kindsFilter] = [kind];
    const page = await context.api.totals(this.type, {
      groupBy: [this.grouping.dimension],
      filter,
      sort: { field: this.measure.sort, direction: 'DESC' },
      first: this.top,
      asOf: context.asOf,
    });
    return rankingRows(page.groups, this.grouping, this.measure);
  }

  protected filled(rows: RankingRow[]): boolean {
    return rows.length > 0;
  }

  protected draw(context: OverviewContext, rows: RankingRow[]): Child[] {
    const measure = this.measure;
    const range = this.type.dated && (this.from || this.to) ? ` announced ${this.from ?? '…'} to ${this.to ?? '…'}` : '';
    const [kindsFilter, kind] = this.market.split('-');
    const where = kind ? ` where the ${this.type.parties.find((party) => party.kindsFilter === kindsFilter)?.label.toLowerCase()} is ${kind}` : '';
    const heading = `Top ${this.top} ${this.grouping.label.toLowerCase()} by ${measure.label.toLowerCase()}: ${this.type.label.toLowerCase()}${where}${range}, as of ${context.asOf ?? 'today'}`;
    if (rows.length === 0) return [el('p', { className: 'summary' }, heading), el('p', { className: 'hint' }, 'No group on this date.')];
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
        ...rows.map((row) =>
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
    const chart = rankingBars(
      `${this.grouping.label} by ${measure.label.toLowerCase()}`,
      rows.map((row) => ({ label: row.label, value: row.value, text: measureText(measure, row.value), detail: `${row.label}: ${row.group.money.description}` })),
      // Bars of one money kind take its colour in the over-time chart; headline (paid + committed) is drawn as paid.
      measure.source === 'money' ? (KIND_COLORS[measure.field as keyof typeof KIND_COLORS] ?? KIND_COLORS.paidUsd) : COUNT_COLOR,
      (index) => open(rows[index]!)?.(),
    );
    return [
      el('p', { className: 'summary' }, heading),
      el('div', { className: 'rankings-body' }, chart, el('div', { className: 'table-scroll' }, table)),
      el('p', { className: 'hint' }, 'Headline is paid + committed; ceilings, contract and stake values are never in it. Click a company to draw it.'),
    ];
  }

  protected csv(rows: RankingRow[]): { name: string; text: string } {
    return { name: totalsFileName(['rankings', ...this.requestName()], this.context?.asOf ?? null), text: rankingsCsv(rows, this.type.extremes) };
  }
}
