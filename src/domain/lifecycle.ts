import { AmountKind } from './enums';
import { dayAfter, endOfPeriod, formatPartialDate, type PartialDate } from './partial-date';
import { emptyMoney, type Money } from './money';
import { debtMoney } from './debt';

/** What happened to a fact on a date. ANNOUNCED, STARTED, CLOSED and ENDED also come from a fact's own date fields. */
export enum FactEventKind {
  ANNOUNCED = 'ANNOUNCED',
  AGREED = 'AGREED',
  OPTION_EXERCISED = 'OPTION_EXERCISED',
  OPTION_EXPIRED = 'OPTION_EXPIRED',
  TRANCHE_FUNDED = 'TRANCHE_FUNDED',
  STARTED = 'STARTED',
  CLOSED = 'CLOSED',
  AMENDED = 'AMENDED',
  ENDED = 'ENDED',
  TERMINATED = 'TERMINATED',
  LAPSED = 'LAPSED',
}

/** Where a fact stands on a date, whatever its type. */
export enum FactStatus {
  PLANNED = 'PLANNED',
  ANNOUNCED = 'ANNOUNCED',
  AGREED = 'AGREED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  ENDED = 'ENDED',
  TERMINATED = 'TERMINATED',
  LAPSED = 'LAPSED',
}

/** Statuses after which a fact no longer counts unless asked for. */
export const ENDED_STATUSES: readonly FactStatus[] = [FactStatus.ENDED, FactStatus.TERMINATED, FactStatus.LAPSED];
/** What analytics count by default: every status but the ended ones. */
export const LIVE_STATUSES: readonly FactStatus[] = Object.values(FactStatus).filter((status) => !ENDED_STATUSES.includes(status));

/** How well a fact is established: by a party or a filing, by an original publisher, or by unnamed sources. */
export enum Confidence {
  RUMOURED = 'RUMOURED',
  REPORTED = 'REPORTED',
  CONFIRMED = 'CONFIRMED',
}

/** The order `minConfidence` compares in (stored on each fact as `confidenceRank`). */
export const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { RUMOURED: 0, REPORTED: 1, CONFIRMED: 2 };

/** One dated, sourced event of a fact's life. Amounts: see `lifecycle` below for what each kind's amounts mean. */
export interface FactEvent {
  readonly kind: FactEventKind;
  readonly on: PartialDate;
  /** AGREED/AMENDED: the binding amount; OPTION_EXERCISED: the amount the exercise binds; TRANCHE_FUNDED: cash paid. */
  readonly amountUsd?: number | null;
  /** AGREED/AMENDED: the "up to" maximum (an option, a letter of intent), beyond what is binding. */
  readonly ceilingUsd?: number | null;
  /** AGREED/AMENDED: the date an option must be exercised by. */
  readonly deadline?: PartialDate | null;
  readonly note?: string | null;
  readonly sourceIds?: readonly string[];
}

/** The fields of a fact its life is read from (names are the same on every fact type that has them). */
export interface LifecycleFields {
  readonly announcedOn: PartialDate | null;
  readonly amountUsd: number | null;
  readonly amountKind: AmountKind | null;
  readonly status: string | null;
  readonly closedOn?: PartialDate | null;
  readonly startsOn?: PartialDate | null;
  readonly endsOn?: PartialDate | null;
  readonly events: readonly FactEvent[];
  /** A loan or a bond (instrument DEBT): its money is never headline (see debt.ts). */
  readonly debt?: boolean;
}

/** A history entry: the event and the state it left the fact in. */
export interface HistoryEntry {
  readonly event: FactEvent;
  /** Whether the event comes from the fact's own fields (announcedOn, startsOn, closedOn, endsOn) or its deadline. */
  readonly derived: boolean;
  readonly status: FactStatus;
  readonly money: Money;
  readonly optionOpenUntil: PartialDate | null;
}

/**
 * A fact's life as the stored arrays analytics read (entry k+1 is the state after the k-th event; entry 0 is
 * "not yet known"): `tlFrom` the start of each event's period, `tlKnown` the date by which it and every earlier event
 * are certain (a running maximum of period ends), statuses and money by kind. One statement reads the state at a date
 * as index `size([d IN tlKnown WHERE d <= $asOfDay])` (or tlFrom when imprecise dates are allowed).
 */
export interface Timeline {
  readonly tlFrom: string[];
  readonly tlKnown: string[];
  readonly tlStatus: string[];
  readonly tlPaid: number[];
  readonly tlCommitted: number[];
  readonly tlCeiling: number[];
  readonly tlContract: number[];
  readonly tlStake: number[];
  readonly tlOptionUntil: string[];
  /** No amount of any kind was disclosed. */
  readonly undisclosed: boolean;
  /** When the fact's ending is certain (the tlKnown of its final ended state), or null when it is still live. */
  readonly endedKnown: string | null;
  /** The start of its first event's period, and the day it is certainly known (tlFrom[0], tlKnown[0]): what relationships copy. */
  readonly knownFrom: string;
  readonly knownOn: string;
}

const STATUSES: ReadonlySet<string> = new Set(Object.values(FactStatus));
/** The status a stored status or an event kind names, if it names one (ENDED, TERMINATED, ... are both). */
const statusNamed = (name: string | null | undefined): FactStatus | undefined => (name != null && STATUSES.has(name) ? (name as FactStatus) : undefined);
const ORDER: Record<FactEventKind, number> = {
  ANNOUNCED: 0,
  AGREED: 1,
  AMENDED: 2,
  OPTION_EXERCISED: 3,
  TRANCHE_FUNDED: 4,
  STARTED: 5,
  CLOSED: 6,
  OPTION_EXPIRED: 7,
  ENDED: 8,
  TERMINATED: 9,
  LAPSED: 10,
};

/** Every event of a fact, its own and those its fields imply, oldest first (same period: in the order of a life). */
function allEvents(fields: LifecycleFields): { event: FactEvent; derived: boolean }[] {
  const out: { event: FactEvent; derived: boolean }[] = fields.events.map((event) => ({ event, derived: false }));
  const has = (kind: FactEventKind) => fields.events.some((event) => event.kind === kind);
  if (fields.announcedOn) out.push({ event: { kind: FactEventKind.ANNOUNCED, on: fields.announcedOn }, derived: true });
  if (fields.startsOn && !has(FactEventKind.STARTED)) out.push({ event: { kind: FactEventKind.STARTED, on: fields.startsOn }, derived: true });
  if (fields.closedOn && !has(FactEventKind.CLOSED)) out.push({ event: { kind: FactEventKind.CLOSED, on: fields.closedOn }, derived: true });
  const ends = [FactEventKind.ENDED, FactEventKind.TERMINATED, FactEventKind.LAPSED];
  if (fields.endsOn && !ends.some(has)) out.push({ event: { kind: FactEventKind.ENDED, on: fields.endsOn }, derived: true });
  // An option not exercised by its deadline expires the day after (its ceiling no longer open).
  for (const { event } of [...out]) {
    if (!event.deadline) continue;
    const deadline = endOfPeriod(event.deadline);
    const settled = fields.events.some((e) => (e.kind === FactEventKind.OPTION_EXERCISED || e.kind === FactEventKind.AMENDED || ends.includes(e.kind)) && e.on.start <= deadline && e.on.start >= event.on.start);
    if (!settled) out.push({ event: { kind: FactEventKind.OPTION_EXPIRED, on: { start: dayAfter(deadline), precision: 'DAY' } }, derived: true });
  }
  return out.sort((a, b) => a.event.on.start.localeCompare(b.event.on.start) || ORDER[a.event.kind] - ORDER[b.event.kind]);
}

/** The money a fact without money events stands for, by its amount's kind. */
function moneyOfFields(fields: LifecycleFields): Money {
  const money = { ...emptyMoney() };
  const amount = fields.amountUsd;
  if (amount === null || fields.amountKind === null) return { ...money, undisclosedCount: 1 };
  if (fields.amountKind === AmountKind.PAID) money.paidUsd = amount;
  else if (fields.amountKind === AmountKind.COMMITMENT) money.committedUsd = amount;
  else if (fields.amountKind === AmountKind.UP_TO) money.ceilingUsd = amount;
  else if (fields.amountKind === AmountKind.CONTRACT_VALUE) money.contractValueUsd = amount;
  else if (fields.amountKind === AmountKind.STAKE_VALUE) money.stakeValueUsd = amount;
  return money;
}

/**
 * A fact's history: each event with the status and money it left. Without money events a fact's money is its own
 * amount from the day it is announced; with them, paid is the sum of funded tranches, committed what is binding
 * (agreed, amended, options exercised) and not yet paid, ceiling what an "up to", an open option or a letter of intent
 * allows beyond that. An ending (ended, terminated, lapsed) or a close leaves nothing committed or open.
 */
export function lifecycle(fields: LifecycleFields): HistoryEntry[] {
  const moneyEvents = fields.events.some((e) => (e.amountUsd ?? null) !== null || (e.ceilingUsd ?? null) !== null);
  const anyEvents = fields.events.length > 0 || !!fields.startsOn || !!fields.closedOn || !!fields.endsOn;
  const ownStatus = statusNamed(fields.status) ?? FactStatus.ANNOUNCED;
  let status = anyEvents ? (ownStatus === FactStatus.PLANNED ? FactStatus.PLANNED : FactStatus.ANNOUNCED) : ownStatus;
  let binding = 0;
  let paid = 0;
  let ceiling = 0;
  let optionUntil: PartialDate | null = null;
  const fieldMoney = moneyOfFields(fields);
  const history: HistoryEntry[] = [];
  for (const { event, derived } of allEvents(fields)) {
    const amount = event.amountUsd ?? null;
    switch (event.kind) {
      case FactEventKind.AGREED:
      case FactEventKind.AMENDED:
        binding = amount ?? binding;
        ceiling = event.ceilingUsd ?? ceiling;
        optionUntil = event.deadline ?? (event.kind === FactEventKind.AGREED ? null : optionUntil);
        if (status === FactStatus.ANNOUNCED || status === FactStatus.PLANNED) status = FactStatus.AGREED;
        break;
      case FactEventKind.OPTION_EXERCISED:
        binding += amount ?? 0;
        optionUntil = null;
        if (status === FactStatus.ANNOUNCED || status === FactStatus.PLANNED) status = FactStatus.AGREED;
        break;
      case FactEventKind.OPTION_EXPIRED:
        optionUntil = null;
        ceiling = 0;
        break;
      case FactEventKind.TRANCHE_FUNDED:
        paid += amount ?? 0;
        if (status !== FactStatus.COMPLETED) status = FactStatus.ACTIVE;
        break;
      case FactEventKind.STARTED:
        if (!ENDED_STATUSES.includes(status)) status = FactStatus.ACTIVE;
        break;
      case FactEventKind.CLOSED:
        status = FactStatus.COMPLETED;
        optionUntil = null;
        ceiling = 0;
        break;
      case FactEventKind.ENDED:
      case FactEventKind.TERMINATED:
      case FactEventKind.LAPSED:
        status = statusNamed(event.kind) as FactStatus;
        binding = paid;
        ceiling = 0;
        optionUntil = null;
        break;
      case FactEventKind.ANNOUNCED:
        break;
    }
    const firm = Math.max(binding, paid);
    const money: Money = moneyEvents
      ? { ...emptyMoney(), paidUsd: paid, committedUsd: firm - paid, ceilingUsd: Math.max(0, ceiling - firm) }
      : ENDED_STATUSES.includes(status) && (fieldMoney.committedUsd > 0 || fieldMoney.ceilingUsd > 0)
        ? { ...fieldMoney, committedUsd: 0, ceilingUsd: 0 }
        : fieldMoney;
    history.push({ event, derived, status, money: fields.debt ? debtMoney(money) : money, optionOpenUntil: optionUntil });
  }
  return history;
}

/** The arrays a fact stores for analytics (see Timeline). A fact with no date at all is known from the start. */
export function timeline(fields: LifecycleFields): Timeline {
  const history = lifecycle(fields);
  const entries = history.length > 0 ? history : [{ event: { kind: FactEventKind.ANNOUNCED, on: { start: '0000-01-01', precision: 'DAY' } }, derived: true, status: statusNamed(fields.status) ?? FactStatus.ANNOUNCED, money: fields.debt ? debtMoney(moneyOfFields(fields)) : moneyOfFields(fields), optionOpenUntil: null } as HistoryEntry];
  let known = '';
  const tlKnown = entries.map(({ event }) => (known = [known, endOfPeriod(event.on)].sort()[1] as string));
  const last = entries[entries.length - 1] as HistoryEntry;
  let endedAt: number | null = null;
  if (ENDED_STATUSES.includes(last.status)) {
    endedAt = entries.length - 1;
    while (endedAt > 0 && ENDED_STATUSES.includes((entries[endedAt - 1] as HistoryEntry).status)) endedAt--;
  }
  return {
    tlFrom: entries.map(({ event }) => event.on.start),
    tlKnown,
    tlStatus: ['UNKNOWN', ...entries.map((e) => e.status)],
    tlPaid: [0, ...entries.map((e) => e.money.paidUsd)],
    tlCommitted: [0, ...entries.map((e) => e.money.committedUsd)],
    tlCeiling: [0, ...entries.map((e) => e.money.ceilingUsd)],
    tlContract: [0, ...entries.map((e) => e.money.contractValueUsd)],
    tlStake: [0, ...entries.map((e) => e.money.stakeValueUsd)],
    tlOptionUntil: ['', ...entries.map((e) => (e.optionOpenUntil ? formatPartialDate(e.optionOpenUntil) : ''))],
    undisclosed: entries.every((e) => e.money.undisclosedCount > 0),
    endedKnown: endedAt === null ? null : (tlKnown[endedAt] as string),
    knownFrom: entries[0]?.event.on.start as string,
    knownOn: tlKnown[0] as string,
  };
}

/** How many numbers a state takes in `tlMoney`: paid, committed, ceiling, contract, stake, undisclosed (0 or 1). */
export const MONEY_SLOTS = 6;

/** The slots of a state's money that make its headline (paid + committed; see headlineUsd in money.ts). */
export const HEADLINE_SLOTS = [0, 1] as const;

/**
 * The part of a timeline Cypher reads, stored as properties of the fact: the state dates and statuses, the money of
 * each state flattened into one list (`tlMoney[k * MONEY_SLOTS + i]`: a fact node stays a few property records long,
 * which every filter on it pays for), and what relationships copy. Only these are stored: a read derives the whole
 * timeline again from the fact's fields (see toFactRecord).
 */
export const STORED_TIMELINE_PROPERTIES = ['tlFrom', 'tlKnown', 'tlStatus', 'tlMoney', 'endedKnown', 'knownFrom', 'knownOn'] as const;

/** The stored properties of a timeline (see STORED_TIMELINE_PROPERTIES). */
export function storedTimeline(t: Timeline): Record<(typeof STORED_TIMELINE_PROPERTIES)[number], unknown> {
  const states = t.tlStatus.length;
  const tlMoney: number[] = [];
  for (let k = 0; k < states; k++) {
    tlMoney.push(t.tlPaid[k] ?? 0, t.tlCommitted[k] ?? 0, t.tlCeiling[k] ?? 0, t.tlContract[k] ?? 0, t.tlStake[k] ?? 0, k > 0 && t.undisclosed ? 1 : 0);
  }
  return { tlFrom: t.tlFrom, tlKnown: t.tlKnown, tlStatus: t.tlStatus, tlMoney, endedKnown: t.endedKnown, knownFrom: t.knownFrom, knownOn: t.knownOn };
}
