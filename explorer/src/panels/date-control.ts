import { el } from '../dom/el';
import { dayNumber, isIsoDay, isoOfDay, SLIDER_START, todayIso } from '../format/dates';

/**
 * The date the picture stands on: a slider over the days since SLIDER_START, a date field for an exact day, and
 * "Today". `onChange(asOf, settled)`: settled is false while the slider is being dragged.
 */
export class DateControl {
  readonly element: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly field: HTMLInputElement;
  private readonly today = todayIso();

  constructor(onChange: (asOf: string | null, settled: boolean) => void) {
    const last = dayNumber(this.today);
    this.slider = el('input', { attrs: { type: 'range', min: '0', max: String(last), step: '1', 'aria-label': 'As of date', name: 'as-of-slider' } });
    this.field = el('input', { attrs: { type: 'date', min: SLIDER_START, max: this.today, 'aria-label': 'As of date (exact day)', name: 'as-of' } });
    const fromSlider = (settled: boolean) => {
      const day = Number(this.slider.value);
      const asOf = day >= last ? null : isoOfDay(day);
      this.field.value = asOf ?? this.today;
      onChange(asOf, settled);
    };
    this.slider.addEventListener('input', () => fromSlider(false));
    this.slider.addEventListener('change', () => fromSlider(true));
    this.field.addEventListener('change', () => {
      if (!isIsoDay(this.field.value)) return;
      const asOf = this.field.value >= this.today ? null : this.field.value;
      this.set(asOf);
      onChange(asOf, true);
    });
    const todayButton = el('button', { title: 'Facts as they stand today', on: { click: () => (this.set(null), onChange(null, true)) } }, 'Today');
    this.element = el('div', { className: 'date-control' }, el('span', { className: 'label' }, 'As of'), this.slider, this.field, todayButton);
  }

  set(asOf: string | null): void {
    this.slider.value = String(dayNumber(asOf ?? this.today));
    this.field.value = asOf ?? this.today;
  }
}
