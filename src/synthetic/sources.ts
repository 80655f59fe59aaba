import { slugify } from '../domain/validation';
import type { Dataset } from '../seed/dataset';
import { padded } from './format';
import type { Random } from './random';

export type SourceRecord = Dataset['sources'][number];

/** Fictional publishers under example.com: the data is synthetic and must not look like real reporting. */
const PUBLISHERS: readonly (readonly [string, string])[] = [
  ['Tensor Times', 'tensor-times.example.com'],
  ['Gradient Gazette', 'gradient-gazette.example.com'],
  ['Inference Insider', 'inference-insider.example.com'],
  ['Token Tribune', 'token-tribune.example.com'],
  ['Compute Ledger', 'compute-ledger.example.com'],
  ['Venture Signal', 'venture-signal.example.com'],
  ['Silicon Dispatch', 'silicon-dispatch.example.com'],
  ['Model Weekly', 'model-weekly.example.com'],
];
/** Share of facts that get a source of their own (the rest cite a recent one): about one source per five facts. */
const NEW_SOURCE_RATE = 0.2;
const SECOND_SOURCE_RATE = 0.3;
const RECENT_SOURCES = 64;

/** Sources cited by facts: a new one for about one fact in five, otherwise one of the most recent. */
export class SourcePool {
  readonly records: SourceRecord[] = [];

  constructor(private readonly rng: Random) {}

  /** Source ids for one fact (one or two, distinct); `title` is only called when a new source is written. */
  cite(date: string, title: () => string): string[] {
    const first = this.records.length === 0 || this.rng.chance(NEW_SOURCE_RATE) ? this.create(date, title()) : this.recent();
    if (this.records.length < 2 || !this.rng.chance(SECOND_SOURCE_RATE)) return [first];
    const second = this.recent();
    return second === first ? [first] : [first, second];
  }

  private recent(): string {
    const window = Math.min(this.records.length, RECENT_SOURCES);
    return this.records[this.records.length - 1 - this.rng.below(window)].id;
  }

  private create(date: string, title: string): string {
    const seq = this.records.length + 1;
    const [publisher, host] = this.rng.pick(PUBLISHERS);
    const id = `src-${padded(seq, 7)}`;
    // The sequence number in the path keeps urls unique (Source.url carries a uniqueness constraint).
    const url = `https://${host}/${date.slice(0, 4)}/${slugify(title).slice(0, 60).replace(/-+$/, '')}-${seq}`;
    this.records.push({ id, url, publisher, title, publishedOn: date });
    return id;
  }
}
