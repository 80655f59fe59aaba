import { AmountKind } from '../domain/enums';
import { Confidence, FactEventKind } from '../domain/lifecycle';
import { SourceKind } from '../domain/source';
import type { Dataset } from '../seed/dataset';
import { Random } from './random';

// Provenance and lifecycles for a synthetic dataset, drawn from a stream of their own so the companies and facts
// are the same as without them: source kinds, fact confidence, and events on a realistic share of the money facts
// (commitments paid in tranches, ceilings with options that are exercised or expire, deals that end or are
// terminated), so the benchmark measures answers that read states as of a date.

type Event = { kind: FactEventKind; on: string; amountUsd?: number | null; ceilingUsd?: number | null; deadline?: string | null; sourceIds: string[] };
type Fact = Record<string, unknown> & { sourceIds: string[] };

const SECONDHAND_PUBLISHERS = ['Example Wire', 'Example Ledger', 'Example Times'];
const DAY_MS = 86_400_000;

/** A day `months` after an ISO date (or its period's start), not after `last`; null when that is past `last`. */
function later(date: string, months: number, last: string): string | null {
  const start = Date.parse(`${date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date}T00:00:00Z`);
  const day = new Date(start + months * 30.44 * DAY_MS).toISOString().slice(0, 10);
  return day <= last ? day : null;
}

function confidence(rng: Random): Confidence {
  const roll = rng.float();
  return roll < 0.25 ? Confidence.CONFIRMED : roll < 0.9 ? Confidence.REPORTED : Confidence.RUMOURED;
}

/** Tranches, options and endings for an investment with a commitment or a ceiling (about half of them). */
function investmentEvents(rng: Random, fact: Fact, last: string): Event[] | null {
  const amount = fact.amountUsd as number | undefined;
  const kind = fact.amountKind as AmountKind | undefined;
  const on = fact.announcedOn as string;
  if (amount === undefined || (kind !== AmountKind.COMMITMENT && kind !== AmountKind.UP_TO) || !rng.chance(0.5)) return null;
  const sources = fact.sourceIds.slice(0, 1);
  if (kind === AmountKind.UP_TO) {
    const first = Math.round(amount * (0.2 + rng.float() * 0.3));
    const deadline = later(on, 6, '9999-12-31') as string;
    const events: Event[] = [
      { kind: FactEventKind.AGREED, on, amountUsd: first, ceilingUsd: amount, deadline, sourceIds: sources },
      { kind: FactEventKind.TRANCHE_FUNDED, on, amountUsd: first, sourceIds: sources },
    ];
    const exercise = later(on, 4, last);
    if (exercise && rng.chance(0.6)) {
      events.push({ kind: FactEventKind.OPTION_EXERCISED, on: exercise, amountUsd: amount - first, sourceIds: sources });
      const paid = later(exercise, 2, last);
      if (paid) events.push({ kind: FactEventKind.TRANCHE_FUNDED, on: paid, amountUsd: amount - first, sourceIds: sources }, { kind: FactEventKind.CLOSED, on: paid, sourceIds: sources });
    }
    return events;
  }
  const events: Event[] = [{ kind: FactEventKind.AGREED, on, amountUsd: amount, sourceIds: sources }];
  const tranches = rng.int(2, 4);
  let when = on;
  for (let t = 0; t < tranches; t++) {
    const next = later(when, rng.int(2, 9), last);
    if (!next) return events;
    when = next;
    events.push({ kind: FactEventKind.TRANCHE_FUNDED, on: when, amountUsd: Math.round(amount / tranches), sourceIds: sources });
  }
  if (rng.chance(0.1)) {
    const end = later(when, 3, last);
    if (end) events.push({ kind: FactEventKind.TERMINATED, on: end, sourceIds: sources });
  }
  return events;
}

/** About one compute deal in four ends (one in twenty-five is terminated early). */
function dealEvents(rng: Random, fact: Fact, last: string): Event[] | null {
  const roll = rng.float();
  if (roll >= 0.25) return null;
  const end = later(fact.announcedOn as string, rng.int(6, 36), last);
  if (!end) return null;
  return [{ kind: roll < 0.04 ? FactEventKind.TERMINATED : FactEventKind.ENDED, on: end, sourceIds: fact.sourceIds.slice(0, 1) }];
}

/** Adds source kinds, confidence and events to a generated dataset, in place (dates never after `last`). */
export function addLifecycles(dataset: Dataset, seed: number, last: string): void {
  const rng = Random.derived(seed, 7, 0);
  for (const source of dataset.sources) {
    const roll = rng.float();
    const kind = roll < 0.6 ? SourceKind.ORIGINAL : roll < 0.8 ? SourceKind.SYNDICATION : roll < 0.9 ? SourceKind.COPY : roll < 0.95 ? SourceKind.FILING : SourceKind.COMPANY_RELEASE;
    source.kind = kind;
    source.originalPublisher = kind === SourceKind.SYNDICATION || kind === SourceKind.COPY ? rng.pick(SECONDHAND_PUBLISHERS) : null;
  }
  for (const section of ['fundingRounds', 'investments', 'computeDeals', 'rivalries', 'subsidiaries', 'acquisitions'] as const) {
    for (const fact of dataset[section] as Fact[]) {
      fact.confidence = confidence(rng);
      const events = section === 'investments' ? investmentEvents(rng, fact, last) : section === 'computeDeals' ? dealEvents(rng, fact, last) : null;
      if (events) fact.events = events;
    }
  }
}
