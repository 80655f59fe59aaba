import { el, replaceChildren, type Child } from '../dom/el';
import { download } from '../export/download';
import type { OverviewContext, OverviewPanel } from './overview-panel';
import type { PanelId } from '../state/url-state';

/**
 * What the Rankings and Over-time panels share: choices restored from the URL and written back, a row of controls
 * ending in a CSV button, one totals answer asked at a time (the last asked wins) and drawn into the result, and the
 * answer saved as CSV. A panel says how to ask, draw and encode its answer; `data-loaded` and the result's
 * `data-request` tell tests (and readers of the page) what is on screen.
 */
export abstract class TotalsPanel<Answer> implements OverviewPanel {
  abstract readonly id: PanelId;
  abstract readonly title: string;
  readonly element: HTMLElement;
  protected context: OverviewContext | null = null;
  protected readonly controls = el('div', { className: 'totals-controls' });
  private readonly result: HTMLElement;
  private readonly csvButton: HTMLButtonElement;
  private answer: Answer | null = null;
  private generation = 0;

  constructor(id: PanelId, resultClass: string) {
    this.element = el('div', { className: 'panel-body', data: { panel: id } });
    this.result = el('div', { className: resultClass });
    this.csvButton = el('button', { attrs: { type: 'button' }, data: { export: `${id}-csv` }, on: { click: () => this.saveCsv() } }, 'CSV');
  }

  async load(context: OverviewContext): Promise<void> {
    this.context = context;
    if (context.choices !== null && context.choices !== this.choices()) this.restore(context.choices);
    this.loaded(context);
    if (this.controls.parentElement !== this.element) replaceChildren(this.element, this.controls, this.result);
    this.redrawControls();
    await this.ask();
  }

  /** The choices as the URL holds them (the panel's own format). */
  protected abstract choices(): string;
  /** Takes the choices a URL holds; a part that names nothing falls back to its default. */
  protected abstract restore(text: string): void;
  /** After the context and choices are taken, before the controls are drawn (a default that depends on the context). */
  protected loaded(_context: OverviewContext): void {}
  /** The controls, before the CSV button. */
  protected abstract controlElements(): Child[];
  /** What the answer on screen was asked with (data-request; the CSV's name). */
  protected abstract requestName(): string[];
  protected abstract fetch(context: OverviewContext): Promise<Answer>;
  /** Whether an answer has anything to draw or save. */
  protected abstract filled(answer: Answer): boolean;
  /** The result's content for an answer. */
  protected abstract draw(context: OverviewContext, answer: Answer): Child[];
  /** The answer as a CSV file: its name and text. */
  protected abstract csv(answer: Answer): { name: string; text: string };

  protected redrawControls(): void {
    replaceChildren(this.controls, ...this.controlElements(), this.csvButton);
  }

  /** Asks for the answer to the current choices and draws it; an answer overtaken by a later ask is dropped. */
  protected async ask(): Promise<void> {
    const context = this.context;
    if (!context) return;
    const generation = ++this.generation;
    context.setChoices(this.choices());
    this.element.dataset.loaded = 'false';
    this.csvButton.disabled = true;
    replaceChildren(this.result, el('p', { className: 'hint' }, 'Loading…'));
    try {
      const answer = await this.fetch(context);
      if (generation !== this.generation) return;
      this.answer = answer;
      replaceChildren(this.result, ...this.draw(context, answer));
    } catch (error) {
      if (generation !== this.generation) return;
      this.answer = null;
      replaceChildren(this.result, el('p', { className: 'error' }, error instanceof Error ? error.message : String(error)));
    }
    this.result.dataset.request = this.requestName().join(':');
    this.csvButton.disabled = this.answer === null || !this.filled(this.answer);
    this.element.dataset.loaded = 'true';
  }

  private saveCsv(): void {
    if (this.answer === null || !this.filled(this.answer)) return;
    const { name, text } = this.csv(this.answer);
    download(name, text, 'text/csv');
  }
}
