import { sides, sideServes, TOTALS_FACT_TYPES, totalsFilter, type TotalsFactType, type TotalsScope, type TotalsSide } from '../api/totals-catalogue';
import { TOTALS_PAGE_SIZE } from '../api/totals-documents';
import { COMPANY_KINDS, type CompanyKind, type TotalsGroup } from '../api/types';
import { KIND_COLORS } from '../charts/kind-colors';
import { quarterStack } from '../charts/quarter-stack';
import { el, type Child } from '../dom/el';
import { overTimeCsv, totalsFileName } from '../export/totals-csv';
import { formatUsd, MONEY_KINDS } from '../format/money';
import { quarterColumns, type QuarterColumn } from '../state/totals-view';
import { CHOICE_SEPARATOR, choice, moneyCell, type OverviewContext } from './overview-panel';
import { TotalsPanel } from './totals-panel';

/** Pages of 100 quarters read at most: 250 years, far beyond any graph; a cap so a bug cannot loop. */
const MAX_PAGES = 10;

type ScopeKind = TotalsScope['kind'];

function columnDetail(column: QuarterColumn): string {
  if (!column.group) return `${column.label}: no facts`;
  const count = `${column.group.count} fact${column.group.count === 1 ? '' : 's'}`;
  return `${column.label}: ${count}; ${column.group.money.description}`;
}

/**
 * Money over time: one fact type's money by kind per quarter, stacked, for the drawn company (in a role), a market
 * (companies of a kind in a role) or the whole graph, from its totals grouped by QUARTER. Facts dated only to a year
 * have their own column after the year's Q4, hatched, never spread into its quarters.
 */
export class OverTimePanel extends TotalsPanel<QuarterColumn[]> {
  readonly id = 'over-time' as const;
  readonly title = 'Over time';
  private type: TotalsFactType = TOTALS_FACT_TYPES[0]!;
  private side: TotalsSide = sides(this.type)[0]!;
  /** Null until the first load: then the drawn company if there is one, else the whole graph. */
  private scope: ScopeKind | null = null;
  private market: CompanyKind = 'AI_LAB';

  constructor() {
    super('over-time', 'over-time-result');
  }

  protected override loaded(context: OverviewContext): void {
    if (this.scope === null || (this.scope === 'company' && !context.company)) this.scope = context.company ? 'company' : 'graph';
  }

  /** A side that serves the scope: the one chosen if it does, else the type's first that does. */
  private fitSide(): void {
    const scope = this.scope ?? 'graph';
    if (!sideServes(this.side, scope)) this.side = sides(this.type).find((side) => sideServes(side, scope)) ?? this.side;
  }

  protected controlElements(): Child[] {
    const company = this.context?.company ?? null;
    const scope = this.scope ?? 'graph';
    this.fitSide();
    const scopes: [ScopeKind, string][] = [
      ['company', company ? company.name : 'the drawn company (none)'],
      ['market', 'a market'],
      ['graph', 'the whole graph'],
    ];
    const typeSides = sides(this.type);
    const unusable = (kind: ScopeKind) => typeSides.every((side) => !sideServes(side, kind));
    const disabledScopes = new Set(scopes.map(([kind]) => kind).filter((kind) => (kind === 'company' && !company) || unusable(kind)));
    return [
      choice('over-time-type', 'Facts', TOTALS_FACT_TYPES.map((type) => [type.type, type.label] as const), this.type.type, (value) => {
        this.type = TOTALS_FACT_TYPES.find((type) => type.type === value) ?? this.type;
        this.side = sides(this.type)[0]!;
        if (sides(this.type).every((side) => !sideServes(side, this.scope ?? 'graph'))) this.scope = 'graph';
        this.redrawControls();
        void this.ask();
      }),
      choice('over-time-scope', 'For', scopes, scope, (value) => {
        this.scope = value as ScopeKind;
        this.redrawControls();
        void this.ask();
      }, disabledScopes),
      scope === 'market'
        ? choice('over-time-market', 'Kind', COMPANY_KINDS.map((kind) => [kind, kind] as const), this.market, (value) => {
            this.market = value as CompanyKind;
            void this.ask();
          })
        : null,
      scope === 'graph'
        ? null
        : choice('over-time-side', 'Taking part', typeSides.map((side) => [side.label, side.label] as const), this.side.label, (value) => {
            this.side = typeSides.find((side) => side.label === value) ?? this.side;
            void this.ask();
          }, new Set(typeSides.filter((side) => !sideServes(side, scope)).map((side) => side.label))),
    ];
  }

  /** The choices as the URL holds them: type, scope, market, side (its place in the type's list). */
  protected choices(): string {
    return [this.type.type, this.scope ?? '', this.market, String(sides(this.type).findIndex((side) => side.label === this.side.label))].join(CHOICE_SEPARATOR);
  }

  /** Takes the choices a URL holds; a part that names nothing the type has falls back to its default. */
  protected restore(text: string): void {
    const [type, scope, market, side] = text.split(CHOICE_SEPARATOR);
    this.type = TOTALS_FACT_TYPES.find((candidate) => candidate.type === type) ?? TOTALS_FACT_TYPES[0]!;
    this.scope = scope === 'company' || scope === 'market' || scope === 'graph' ? scope : null;
    this.market = COMPANY_KINDS.find((kind) => kind === market) ?? 'AI_LAB';
    this.side = sides(this.type)[Number(side)] ?? sides(this.type)[0]!;
  }

  private totalsScope(): TotalsScope {
    const company = this.context?.company;
    if (this.scope === 'company' && company) return { kind: 'company', companyId: company.id };
    if (this.scope === 'market') return { kind: 'market', market: this.market };
    return { kind: 'graph' };
  }

  protected requestName(): string[] {
    const scope = this.totalsScope();
    const who = scope.kind === 'company' ? scope.companyId : scope.kind === 'market' ? scope.market : 'graph';
    return [this.type.type, who, ...(scope.kind === 'graph' ? [] : [this.side.label])];
  }

  protected async fetch(context: OverviewContext): Promise<QuarterColumn[]> {
    const scope = this.totalsScope();
    const groups: TotalsGroup[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await context.api.totals(this.type, {
        groupBy: ['QUARTER'],
        filter: totalsFilter(this.type, scope.kind === 'graph' ? null : this.side, scope, { from: null, to: null }),
        sort: { field: 'QUARTER', direction: 'ASC' },
        first: TOTALS_PAGE_SIZE,
        after,
        asOf: context.asOf,
      });
      groups.push(...answer.groups);
      if (!answer.more) break;
      after = answer.endCursor;
    }
    return quarterColumns(groups);
  }

  protected filled(columns: QuarterColumn[]): boolean {
    return columns.length > 0;
  }

  protected draw(context: OverviewContext, columns: QuarterColumn[]): Child[] {
    const scope = this.totalsScope();
    const who = scope.kind === 'company' ? (context.company?.name ?? scope.companyId) : scope.kind === 'market' ? `${scope.market} companies` : 'the whole graph';
    const heading = `${this.type.label}: money by kind per quarter for ${who}${scope.kind === 'graph' ? '' : ` (${this.side.label})`}, as of ${context.asOf ?? 'today'}`;
    if (columns.length === 0) return [el('p', { className: 'summary' }, heading), el('p', { className: 'hint' }, 'No facts on this date.')];
    const kinds = MONEY_KINDS.map((kind) => ({ key: kind.field, label: kind.label, color: KIND_COLORS[kind.field] }));
    const chart = quarterStack(
      'Money by kind per quarter',
      kinds,
      columns.map((column) => ({
        id: column.bucket ?? 'undated',
        axisLabel: column.precision === 'quarter' ? (column.quarter === 1 || column === columns[0] ? String(column.year) : null) : column.precision === 'year' ? 'Q?' : 'undated',
        values: Object.fromEntries(MONEY_KINDS.map((kind) => [kind.field, column.group?.money[kind.field] ?? 0])),
        distinct: column.precision !== 'quarter',
        undisclosed: column.group?.money.undisclosedCount ?? 0,
        detail: columnDetail(column),
      })),
      formatUsd,
    );
    const listed = columns.filter((column) => column.group);
    const unknown = listed.filter((column) => column.precision !== 'quarter').length;
    return [
      el('p', { className: 'summary' }, heading),
      chart,
      unknown > 0
        ? el('p', { className: 'hint' }, `Columns marked “Q?” (tinted, between dashed lines, hatched) hold facts dated only to their year (${unknown}); they are not spread over the year's quarters.`)
        : null,
      el(
        'table',
        { className: 'rows totals-table' },
        el('thead', {}, el('tr', {}, ...['Quarter', 'Count', 'Headline', ...MONEY_KINDS.map((kind) => kind.label), 'Undisclosed'].map((h) => el('th', {}, h)))),
        el(
          'tbody',
          {},
          ...listed.map((column) =>
            el(
              'tr',
              { className: column.precision === 'quarter' ? '' : 'distinct', title: column.group!.money.description, data: { bucket: column.bucket ?? '' } },
              el('td', {}, column.label),
              el('td', { data: { field: 'count' } }, String(column.group!.count)),
              moneyCell('headlineUsd', column.group!.money.headlineUsd),
              ...MONEY_KINDS.map((kind) => moneyCell(kind.field, column.group!.money[kind.field])),
              el('td', { data: { field: 'undisclosedCount' } }, String(column.group!.money.undisclosedCount)),
            ),
          ),
        ),
      ),
    ];
  }

  protected csv(columns: QuarterColumn[]): { name: string; text: string } {
    return { name: totalsFileName(['over-time', ...this.requestName()], this.context?.asOf ?? null), text: overTimeCsv(columns) };
  }
}
