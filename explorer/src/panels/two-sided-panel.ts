import type { TwoSidedBacker } from '../api/types';
import { el, replaceChildren } from '../dom/el';
import { formatUsd } from '../format/money';
import { twoSidedHighlight } from '../graph/highlight';
import { selectableTable, showAnswer, showLoading, type AnalyticsPanel, type PanelContext } from './analytics-panel';

/** Whether a row concerns the company: it backs both sides, or it is one of them. */
export function involves(row: TwoSidedBacker, companyId: string): boolean {
  return row.backer.id === companyId || row.sideA.id === companyId || row.sideB.id === companyId;
}

/** twoSidedBackers: investors in both companies of a rivalry; by default those involving the company. */
export class TwoSidedPanel implements AnalyticsPanel {
  readonly id = 'two-sided' as const;
  readonly title = 'Two-sided backers';
  readonly element = el('div', { className: 'panel-body', data: { panel: this.id } });
  private everyRivalry = false;

  async load(context: PanelContext): Promise<void> {
    showLoading(this.element);
    const all = await context.api.twoSidedBackers(context.asOf);
    const table = el('div');
    const toggle = el('input', { attrs: { type: 'checkbox', name: 'every-rivalry' } });
    toggle.checked = this.everyRivalry;
    const render = () => {
      const rows = this.everyRivalry ? all : all.filter((row) => involves(row, context.company.id));
      replaceChildren(
        table,
        rows.length === 0
          ? el('p', { className: 'hint' }, this.everyRivalry ? 'No two-sided backer on this date.' : `No two-sided bet involves ${context.company.name} on this date.`)
          : selectableTable(
              context,
              ['Backer', 'Side A', 'Side B', 'Market'],
              rows.map((row) => ({
                detail: row.explanation,
                cells: [row.backer.name, `${row.sideA.name} ${formatUsd(row.totalUsdA)}`, `${row.sideB.name} ${formatUsd(row.totalUsdB)}`, row.market],
              })),
              (index) => twoSidedHighlight(rows[index]!),
            ),
      );
    };
    toggle.addEventListener('change', () => {
      this.everyRivalry = toggle.checked;
      context.setRow(null);
      context.highlight(null);
      render();
    });
    render();
    showAnswer(
      this.element,
      el('p', { className: 'summary' }, `${all.length} two-sided bet${all.length === 1 ? '' : 's'} across all rivalries. Click a row to highlight it.`),
      el('label', { className: 'toggle' }, toggle, ` every rivalry (not only those involving ${context.company.name})`),
      table,
    );
  }
}
