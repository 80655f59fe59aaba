import { el } from '../dom/el';
import { formatUsd } from '../format/money';
import { loopHighlight } from '../graph/highlight';
import { selectableTable, showAnswer, showLoading, type AnalyticsPanel, type PanelContext } from './analytics-panel';

/** moneyLoops: where money invested comes back (compute spending, investments, a subsidiary's takings). */
export class LoopsPanel implements AnalyticsPanel {
  readonly id = 'loops' as const;
  readonly title = 'Money loops';
  readonly element = el('div', { className: 'panel-body', data: { panel: this.id } });

  async load(context: PanelContext): Promise<void> {
    showLoading(this.element);
    const loops = await context.api.moneyLoops(context.company.id, context.asOf);
    showAnswer(
      this.element,
      el('p', { className: 'summary' }, `${loops.length} loop${loops.length === 1 ? '' : 's'} through ${context.company.name} (up to 4 steps). Click one to highlight it.`),
      loops.length === 0
        ? el('p', { className: 'hint' }, 'No money loop on this date.')
        : selectableTable(
            context,
            ['Loop', 'Steps', 'Headline'],
            loops.map((loop) => ({
              detail: loop.explanation,
              cells: [
                el(
                  'div',
                  {},
                  el('div', {}, [loop.steps[0]?.from.name, ...loop.steps.map((step) => step.to.name)].join(' → ')),
                  el('ol', { className: 'steps' }, ...loop.steps.map((step) => el('li', {}, step.description))),
                ),
                String(loop.length),
                formatUsd(loop.totalUsd),
              ],
            })),
            (index) => loopHighlight(loops[index]!),
          ),
    );
  }
}
