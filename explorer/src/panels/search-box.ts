import type { Api } from '../api/client';
import type { CompanyRef, SearchHit } from '../api/types';
import { el, replaceChildren } from '../dom/el';
import { COMPANY_STYLES } from '../graph/palette';

const DEBOUNCE_MS = 180;

/**
 * A typo-tolerant company search (the API's searchCompanies): type, then pick a hit with the mouse or the arrow
 * keys and Enter.
 */
export class SearchBox {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts searches, so a slow answer never replaces a newer one. */
  private generation = 0;

  constructor(
    private readonly api: Api,
    private readonly onPick: (company: CompanyRef) => void,
    options: { placeholder: string; name: string },
  ) {
    this.input = el('input', {
      attrs: { type: 'search', placeholder: options.placeholder, 'aria-label': options.placeholder, autocomplete: 'off', name: options.name, role: 'combobox', 'aria-expanded': 'false' },
      on: {
        input: () => this.schedule(),
        keydown: (event) => this.key(event),
        blur: () => setTimeout(() => this.close(), 150),
      },
    });
    this.list = el('ul', { className: 'search-hits', attrs: { role: 'listbox' } });
    this.element = el('div', { className: 'search-box', data: { search: options.name } }, this.input, this.list);
  }

  /** Shows a chosen company's name in the box. */
  setText(text: string): void {
    this.input.value = text;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), DEBOUNCE_MS);
  }

  private async search(): Promise<void> {
    const text = this.input.value.trim();
    const generation = ++this.generation;
    if (text.length < 2) {
      this.show([]);
      return;
    }
    try {
      const hits = await this.api.searchCompanies(text);
      if (generation === this.generation) this.show(hits);
    } catch (error) {
      if (generation !== this.generation) return;
      replaceChildren(this.list, el('li', { className: 'error' }, error instanceof Error ? error.message : String(error)));
    }
  }

  private show(hits: SearchHit[]): void {
    this.hits = hits;
    this.active = hits.length ? 0 : -1;
    this.input.setAttribute('aria-expanded', String(hits.length > 0));
    replaceChildren(
      this.list,
      ...hits.map((hit, index) =>
        el(
          'li',
          {
            attrs: { role: 'option', 'aria-selected': String(index === this.active) },
            data: { companyId: hit.company.id },
            on: { mousedown: (event) => (event.preventDefault(), this.pick(index)) },
          },
          el('strong', {}, hit.company.name),
          el('small', {}, ` ${COMPANY_STYLES[hit.company.kind]?.label ?? hit.company.kind}${hit.company.aliases.length ? ` · ${hit.company.aliases.slice(0, 3).join(', ')}` : ''}`),
        ),
      ),
    );
    if (this.input.value.trim().length >= 2 && hits.length === 0) replaceChildren(this.list, el('li', { className: 'hint' }, 'No company matches'));
  }

  private key(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!this.hits.length) return;
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : this.hits.length - 1)) % this.hits.length;
      [...this.list.children].forEach((item, index) => item.setAttribute('aria-selected', String(index === this.active)));
    } else if (event.key === 'Enter' && this.active >= 0) {
      event.preventDefault();
      this.pick(this.active);
    } else if (event.key === 'Escape') {
      this.close();
    }
  }

  private pick(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.input.value = hit.company.name;
    this.close();
    this.onPick(hit.company);
  }

  private close(): void {
    this.hits = [];
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    replaceChildren(this.list);
  }
}
