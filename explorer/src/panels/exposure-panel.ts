import type { CounterpartyShare, RelationKind } from '../api/types';
import { el } from '../dom/el';
import { formatShare, formatUsd } from '../format/money';
import type { Highlight } from '../graph/highlight';
import { showAnswer, showLoading, type AnalyticsPanel, type PanelContext } from './analytics-panel';
import { barChart, type Bar } from './bar-chart';

/**
 * A counterparty's bar: its headline share; for compute priced only over a term (no headline), its share of contract
 * values, said so, since the two are never mixed.
 */
export function shareBar(share: CounterpartyShare): Omit<Bar, 'onClick'> {
  const byContract = share.share === null && share.contractValueShare !== null;
  const fraction = share.share ?? share.contractValueShare ?? 0;
  const amount = byContract ? `${formatUsd(share.money.contractValueUsd)} contract` : formatUsd(share.amountUsd);
  const undisclosed = share.undisclosedFacts ? ` · ${share.undisclosedFacts} undisclosed` : '';
  return {
    label: share.counterparty.name,
    fraction,
    text: `${amount} · ${formatShare(byContract ? share.contractValueShare : share.share)}${byContract ? ' of contracts' : ''}${undisclosed}`,
    detail: share.money.description,
  };
}

function concentration(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(2);
}

/** exposure: who funds the company and whose compute it depends on, as shares, with concentration. */
export class ExposurePanel implements AnalyticsPanel {
  readonly id = 'exposure' as const;
  readonly title = 'Exposure';
  readonly element = el('div', { className: 'panel-body', data: { panel: this.id } });

  async load(context: PanelContext): Promise<void> {
    showLoading(this.element);
    const exposure = await context.api.exposure(context.company.id, context.asOf);
    const focus = (share: CounterpartyShare, kind: RelationKind): Highlight => ({
      companies: [exposure.company, share.counterparty],
      links: [{ kind, from: share.counterparty.id, to: exposure.company.id, label: `${share.counterparty.name}: ${share.money.description}` }],
    });
    const bars = (shares: CounterpartyShare[], kind: RelationKind): Bar[] =>
      shares.map((share) => ({ ...shareBar(share), onClick: () => context.highlight(focus(share, kind)) }));
    showAnswer(
      this.element,
      el(
        'dl',
        { className: 'figures' },
        el('dt', {}, 'Raised (headline)'),
        el('dd', {}, `${formatUsd(exposure.raisedUsd)} — ${exposure.raised.description}`),
        el('dt', {}, 'Compute bought (headline)'),
        el('dd', {}, `${formatUsd(exposure.computeBoughtUsd)} — ${exposure.computeBought.description}`),
        el('dt', {}, 'Funder concentration (HHI)'),
        el('dd', {}, concentration(exposure.funderConcentration)),
        el('dt', {}, 'Supplier concentration (HHI)'),
        el('dd', {}, concentration(exposure.supplierConcentration)),
        exposure.group.length > 1 ? el('dt', {}, 'Counted with') : null,
        exposure.group.length > 1 ? el('dd', {}, exposure.group.map((company) => company.name).join(', ')) : null,
      ),
      barChart(`Funders (${exposure.funderCount})`, bars(exposure.funders, 'INVESTED_IN')),
      barChart(`Compute suppliers (${exposure.computeSupplierCount})`, bars(exposure.computeSuppliers, 'SUPPLIES_COMPUTE')),
      exposure.fundersThatSupplyCompute.length
        ? el('p', { className: 'summary' }, `Money that comes back: ${exposure.fundersThatSupplyCompute.map((company) => company.name).join(', ')} both fund ${exposure.company.name} and sell it compute.`)
        : null,
      el('p', { className: 'hint' }, 'Shares are of the headline (paid + committed); ceilings, contract and stake values are never in it. Click a bar to highlight it.'),
    );
  }
}
