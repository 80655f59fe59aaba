import { el } from '../dom/el';
import { formatUsd } from '../format/money';
import { backingHighlight } from '../graph/highlight';
import { selectableTable, showAnswer, showLoading, type AnalyticsPanel, type PanelContext } from './analytics-panel';

/** backersOfCompetitors: who backs the company's competitors; hedges (backers of both) marked. */
export class BackersPanel implements AnalyticsPanel {
  readonly id = 'backers' as const;
  readonly title = 'Backers of competitors';
  readonly element = el('div', { className: 'panel-body', data: { panel: this.id } });

  async load(context: PanelContext): Promise<void> {
    showLoading(this.element);
    const rows = await context.api.backersOfCompetitors(context.company.id, context.asOf);
    const hedges = rows.filter((row) => row.alsoBacksTarget).length;
    const competitors = new Set(rows.map((row) => row.competitor.id)).size;
    showAnswer(
      this.element,
      el('p', { className: 'summary' }, `${rows.length} backer${rows.length === 1 ? '' : 's'} of ${competitors} competitor${competitors === 1 ? '' : 's'} of ${context.company.name}; ${hedges} hedge${hedges === 1 ? '' : 's'} (also back ${context.company.name}). Click a row to highlight it.`),
      rows.length === 0
        ? el('p', { className: 'hint' }, 'None on this date.')
        : selectableTable(
            context,
            ['Competitor', 'Backer', 'Headline', 'Hedge'],
            rows.map((row) => ({
              className: row.alsoBacksTarget ? 'hedge' : '',
              detail: row.explanation,
              cells: [
                row.competitor.name,
                row.throughSubsidiaries.length ? `${row.backer.name} (via ${row.throughSubsidiaries.map((c) => c.name).join(', ')})` : row.backer.name,
                // The headline alone hides an "up to": the API's words say what else the money is.
                el(
                  'span',
                  { title: row.money.description },
                  formatUsd(row.totalUsd),
                  row.money.description === formatUsd(row.totalUsd) ? null : el('small', { className: 'meta' }, ` ${row.money.description}`),
                ),
                row.alsoBacksTarget ? el('span', { className: 'badge hedge', title: `${row.backer.name} also invested in ${context.company.name}` }, 'hedge') : '',
              ],
            })),
            (index) => backingHighlight(rows[index]!, context.company),
          ),
    );
  }
}
