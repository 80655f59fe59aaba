import type { DensityBucket } from '../api/density';
import { el } from '../dom/el';
import { dayNumber, isIsoDay, isoOfDay, nextQuarterEnd, SLIDER_START, todayIso } from '../format/dates';
import { densityStrip } from './density-strip';

/** How long the picture rests on each quarter while playing (after it has been drawn). */
export const PLAY_STEP_MS = 1200;

/**
 * `asOf` null is today; `settled` is false while the slider is being dragged. What it returns is awaited while
 * playing, so a step waits for the picture of the last one.
 */
export type DateChange = (asOf: string | null, settled: boolean) => void | Promise<void>;

/**
 * The date the picture stands on, as a time bar: a slider over the days since SLIDER_START with, under it, how many
 * facts were announced in each quarter (clicking there picks that day); a date field for an exact day; "Today"; and
 * Play, which steps the date a quarter at a time (the end of each quarter) up to today, as the slider would.
 */
export class DateControl {
  readonly element: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly field: HTMLInputElement;
  private readonly playButton: HTMLButtonElement;
  private readonly strip = el('div', { className: 'density', data: { status: 'loading' } });
  private readonly today = todayIso();
  private readonly last = dayNumber(this.today);
  private buckets: DensityBucket[] = [];
  private playing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onChange: DateChange,
    density: () => Promise<{ buckets: DensityBucket[]; complete: boolean }>,
  ) {
    this.slider = el('input', { attrs: { type: 'range', min: '0', max: String(this.last), step: '1', 'aria-label': 'As of date', name: 'as-of-slider' } });
    this.field = el('input', { attrs: { type: 'date', min: SLIDER_START, max: this.today, 'aria-label': 'As of date (exact day)', name: 'as-of' } });
    const fromSlider = (settled: boolean) => {
      this.pause();
      const day = Number(this.slider.value);
      const asOf = day >= this.last ? null : isoOfDay(day);
      this.field.value = asOf ?? this.today;
      void onChange(asOf, settled);
    };
    this.slider.addEventListener('input', () => fromSlider(false));
    this.slider.addEventListener('change', () => fromSlider(true));
    this.field.addEventListener('change', () => {
      if (!isIsoDay(this.field.value)) return;
      this.pick(this.field.value >= this.today ? null : this.field.value);
    });
    const todayButton = el('button', { title: 'Facts as they stand today', on: { click: () => this.pick(null) } }, 'Today');
    this.playButton = el('button', { className: 'play', attrs: { type: 'button', 'aria-label': 'Play' }, title: 'Step through time, a quarter at a time', on: { click: () => (this.playing ? this.pause() : this.play()) } }, '▶');
    this.element = el(
      'div',
      { className: 'date-control', data: { playing: 'false' } },
      el('span', { className: 'label' }, 'As of'),
      this.playButton,
      el('div', { className: 'time-bar' }, this.slider, this.strip),
      this.field,
      todayButton,
    );
    void density()
      .then(({ buckets, complete }) => {
        this.buckets = buckets;
        this.strip.replaceChildren(densityStrip(buckets, this.last, (day) => this.pick(day >= this.last ? null : isoOfDay(day))));
        this.strip.title = `Facts announced per quarter${complete ? '' : ' (the first 100 quarters of each type)'}; click to go there`;
        this.strip.dataset.status = 'ready';
      })
      .catch((error: unknown) => {
        this.strip.title = `No density: ${error instanceof Error ? error.message : String(error)}`;
        this.strip.dataset.status = 'error';
      });
  }

  set(asOf: string | null): void {
    this.slider.value = String(dayNumber(asOf ?? this.today));
    this.field.value = asOf ?? this.today;
  }

  /** Steps from the date shown (from the first quarter with facts when it is today) until today or Pause. */
  play(): void {
    if (this.playing) return;
    this.setPlaying(true);
    const shown = Number(this.slider.value) >= this.last ? null : isoOfDay(Number(this.slider.value));
    const first = this.buckets.find((bucket) => /-Q[1-4]$/.test(bucket.bucket))?.bucket;
    const start = shown ?? (first ? `${first.slice(0, 4)}-${String((Number(first.slice(-1)) - 1) * 3 + 1).padStart(2, '0')}-01` : SLIDER_START);
    void this.step(start);
  }

  pause(): void {
    clearTimeout(this.timer);
    this.setPlaying(false);
  }

  private async step(from: string): Promise<void> {
    if (!this.playing) return;
    const next = nextQuarterEnd(from);
    const asOf = next >= this.today ? null : next;
    this.set(asOf);
    await this.onChange(asOf, true);
    if (!this.playing) return;
    if (asOf === null) {
      this.pause();
      return;
    }
    this.timer = setTimeout(() => void this.step(asOf), PLAY_STEP_MS);
  }

  private pick(asOf: string | null): void {
    this.pause();
    this.set(asOf);
    void this.onChange(asOf, true);
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    this.element.dataset.playing = String(playing);
    this.playButton.textContent = playing ? '❚❚' : '▶';
    this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    this.playButton.setAttribute('aria-pressed', String(playing));
  }
}
