import type { DensityBucket } from '../api/density';
import { dayNumber, isoOfDay, quarterOf } from '../format/dates';

const SVG = 'http://www.w3.org/2000/svg';

/** Height of the strip in its own units (the SVG is stretched to the slider's width, not its height). */
const HEIGHT = 20;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

/**
 * Facts per quarter as bars on the slider's scale (x: days since SLIDER_START, `lastDay` at the right edge), each as
 * tall as its count against the largest quarter. A year's facts dated only to the year are a pale band over the whole
 * year, a quarter of their count high (never guessed into one quarter). Each bar carries data-bucket and data-count;
 * `onPick(day)` gets the day clicked.
 */
export function densityStrip(buckets: readonly DensityBucket[], lastDay: number, onPick: (day: number) => void): SVGSVGElement {
  const strip = svg('svg', { viewBox: `0 0 ${lastDay} ${HEIGHT}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': 'Facts announced per quarter' });
  const height = (bucket: DensityBucket) => (bucket.bucket.endsWith('?') ? bucket.count / 4 : bucket.count);
  const max = Math.max(1, ...buckets.map(height));
  // A faint line at each new year, so the bars can be read against the calendar.
  for (let year = Number(isoOfDay(0).slice(0, 4)) + 1; dayNumber(`${year}-01-01`) < lastDay; year++) {
    const x = dayNumber(`${year}-01-01`);
    strip.append(svg('line', { x1: x, x2: x, y1: 0, y2: HEIGHT, class: 'year-tick', 'vector-effect': 'non-scaling-stroke' }));
  }
  // Year-only bands first: the quarters are drawn over them.
  const ordered = [...buckets].sort((a, b) => Number(b.bucket.endsWith('?')) - Number(a.bucket.endsWith('?')));
  for (const bucket of ordered) {
    const year = bucket.bucket.slice(0, 4);
    const yearOnly = bucket.bucket.endsWith('?');
    const quarter = Number(bucket.bucket.slice(-1));
    const start = yearOnly ? `${year}-01-01` : quarterOf(`${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`).start;
    const end = yearOnly ? `${year}-12-31` : quarterOf(start).end;
    const x = Math.max(0, dayNumber(start));
    const right = Math.min(lastDay, dayNumber(end) + 1);
    if (right <= x) continue;
    const h = Math.max(1.5, (height(bucket) / max) * HEIGHT);
    const bar = svg('rect', { x, y: HEIGHT - h, width: Math.max(1, right - x - 6), height: h, class: yearOnly ? 'year-only' : 'quarter' });
    bar.dataset.bucket = bucket.bucket;
    bar.dataset.count = String(bucket.count);
    const title = svg('title', {});
    title.textContent = yearOnly ? `${year}: ${bucket.count} fact${bucket.count === 1 ? '' : 's'} dated only to the year` : `${year} Q${quarter}: ${bucket.count} fact${bucket.count === 1 ? '' : 's'} announced`;
    bar.append(title);
    strip.append(bar);
  }
  strip.addEventListener('click', (event) => {
    const box = strip.getBoundingClientRect();
    if (box.width > 0) onPick(Math.round(((event.clientX - box.left) / box.width) * lastDay));
  });
  return strip;
}
