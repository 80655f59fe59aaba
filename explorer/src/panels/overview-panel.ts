import type { Api } from '../api/client';
import type { CompanyRef } from '../api/types';
import { el } from '../dom/el';
import { formatUsd } from '../format/money';
import type { PanelId } from '../state/url-state';

/** What a panel over the whole graph may read and do: the date, the drawn company if any, and drawing another. */
export interface OverviewContext {
  api: Api;
  /** The company at the centre of the picture; null before one is drawn. */
  company: CompanyRef | null;
  asOf: string | null;
  /** Draws a company's neighbourhood (a ranked company clicked). */
  open(company: CompanyRef): void;
  /** The choices the URL holds for the panel (its own format), null when it holds none. */
  choices: string | null;
  /** Writes the panel's choices into the URL. */
  setChoices(choices: string): void;
}

/** A panel that needs no company: it answers for the whole graph, or for the drawn company when asked. */
export interface OverviewPanel {
  readonly id: PanelId;
  readonly title: string;
  readonly element: HTMLElement;
  load(context: OverviewContext): Promise<void>;
}

/** The choices' parts in a URL: dot-separated, each part free of dots. */
export const CHOICE_SEPARATOR = '.';

/** A labelled select whose options are [value, text] pairs; `disabled` values are listed but cannot be chosen. */
export function choice(name: string, label: string, options: readonly (readonly [string, string])[], value: string, onChange: (value: string) => void, disabled: ReadonlySet<string> = new Set()): HTMLLabelElement {
  const select = el(
    'select',
    { attrs: { name, 'aria-label': label }, on: { change: () => onChange(select.value) } },
    ...options.map(([optionValue, text]) => {
      const option = el('option', { attrs: { value: optionValue } }, text);
      option.disabled = disabled.has(optionValue);
      return option;
    }),
  );
  select.value = value;
  return el('label', {}, `${label} `, select);
}

/** A table cell of money in USD (data-field names the kind); zero greyed, so the kinds a group has stand out. */
export function moneyCell(field: string, amount: number): HTMLTableCellElement {
  return el('td', { className: amount === 0 ? 'zero' : '', data: { field } }, formatUsd(amount));
}
