// The picture's filters, which the API applies in its query (not the drawing): the relation kinds walked and drawn,
// the least headline money a relation carries, and how many companies the picture may hold; and a button that copies
// the view's link (the URL holds the whole view, filters included).

import { el, replaceChildren } from '../dom/el';
import { formatUsd } from '../format/money';
import type { RelationPalette } from '../graph/palette';
import { MAX_NODES, MIN_AMOUNTS, type MaxNodes, type MinAmount } from '../state/url-state';

/** What the filters say: kinds null for every kind, minAmount null for any relation. */
export interface FilterChoice {
  kinds: string[] | null;
  minAmount: MinAmount | null;
  maxNodes: MaxNodes;
}

const ANY = 'any';

function amountLabel(amount: MinAmount): string {
  return amount === 0 ? 'with money' : `≥ ${formatUsd(amount)}`;
}

export class PictureFilters {
  readonly element: HTMLElement;
  private readonly kindList = el('span', { className: 'kind-filters', attrs: { role: 'group', 'aria-label': 'Relation kinds' } });
  private readonly minAmount = el(
    'select',
    { attrs: { name: 'min-amount', 'aria-label': 'Least money on a relation' }, title: 'Headline money: paid plus committed' },
    el('option', { attrs: { value: ANY } }, 'any relation'),
    ...MIN_AMOUNTS.map((amount) => el('option', { attrs: { value: String(amount) } }, amountLabel(amount))),
  );
  private readonly maxNodes = el(
    'select',
    { attrs: { name: 'max-nodes', 'aria-label': 'Most companies drawn' } },
    ...MAX_NODES.map((count) => el('option', { attrs: { value: String(count) } }, `${count.toLocaleString('en-US')} companies`)),
  );
  private readonly copied = el('span', { className: 'hint', attrs: { 'aria-live': 'polite' } });
  private palette: RelationPalette | null = null;
  private choice: FilterChoice = { kinds: null, minAmount: null, maxNodes: 200 };

  constructor(private readonly onChange: (choice: FilterChoice) => void) {
    this.minAmount.addEventListener('change', () => this.emit({ minAmount: this.minAmount.value === ANY ? null : (Number(this.minAmount.value) as MinAmount) }));
    this.maxNodes.addEventListener('change', () => this.emit({ maxNodes: Number(this.maxNodes.value) as MaxNodes }));
    const copy = el('button', { attrs: { type: 'button' }, data: { action: 'copy-link' }, title: 'Copy a link to this view', on: { click: () => void this.copyLink() } }, 'Copy link');
    this.element = el(
      'div',
      { className: 'picture-filters', data: { filters: 'picture' } },
      this.kindList,
      el('label', {}, 'Money ', this.minAmount),
      el('label', {}, 'At most ', this.maxNodes),
      copy,
      this.copied,
    );
  }

  /** The kinds to offer, as the API lists them (a checkbox each, in the legend's colours). */
  setPalette(palette: RelationPalette): void {
    this.palette = palette;
    this.set(this.choice);
  }

  /** Shows a choice (from the URL) without announcing it. */
  set(choice: FilterChoice): void {
    this.choice = choice;
    this.minAmount.value = choice.minAmount === null ? ANY : String(choice.minAmount);
    this.maxNodes.value = String(choice.maxNodes);
    const entries = this.palette?.entries() ?? [];
    replaceChildren(
      this.kindList,
      ...entries.map(([kind, style]) => {
        const box = el('input', { attrs: { type: 'checkbox', name: 'kind', value: kind } });
        box.checked = choice.kinds === null || choice.kinds.includes(kind);
        box.addEventListener('change', () => this.emit({ kinds: this.checkedKinds() }));
        const swatch = el('span', { className: 'swatch' });
        swatch.style.background = style.color;
        return el('label', { data: { kind }, title: style.meaning }, box, swatch, ` ${style.label}`);
      }),
    );
  }

  /** The kinds ticked: null when every one is (the API's default), and never none (the last one stays ticked). */
  private checkedKinds(): string[] | null {
    const boxes = [...this.kindList.querySelectorAll<HTMLInputElement>('input[name="kind"]')];
    const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
    if (ticked.length === 0) {
      const first = boxes.find((box) => this.choice.kinds?.includes(box.value)) ?? boxes[0];
      if (first) first.checked = true;
      return first ? [first.value] : null;
    }
    return ticked.length === boxes.length ? null : ticked;
  }

  private emit(patch: Partial<FilterChoice>): void {
    this.choice = { ...this.choice, ...patch };
    this.onChange(this.choice);
  }

  private async copyLink(): Promise<void> {
    const link = location.href;
    try {
      await navigator.clipboard.writeText(link);
      this.copied.textContent = 'Link copied';
    } catch {
      // No clipboard (an insecure origin, a refused permission): the link is shown to copy by hand.
      this.copied.textContent = link;
    }
    this.element.dataset.copiedLink = link;
  }
}
