import crypto from 'node:crypto';
import type { ChangeAuthor, ChangeRecord } from '../domain/change';
import { badInput, DomainError, ErrorCode, notFound } from '../domain/errors';
import { todayIso } from '../domain/today';
import type { Logger } from '../platform/logger';
import type { ChangeFeed } from './change-feed';
import { diffAnswers, storedRow, WATCH_QUESTIONS, type StoredRow, type WatchQuestion, type WatchQuestionName } from './watch-questions';
import { REACH_CAP, type WatchRecord, type WatchRepository } from './watch.repository';

/**
 * Answers a GraphQL document against this server's own schema as a reader would (the wiring provides it): a watch
 * answers exactly what the query answers. Throws the first error of the answer.
 */
export type Answerer = (document: string, variables: Record<string, unknown>) => Promise<Record<string, unknown>>;

export interface WatchEngineOptions {
  readonly perKey: number;
  /** How often the list of watches is read again (watches made through another process arrive within it). */
  readonly reloadMs: number;
  /** How often the engine looks whether a new UTC day began (the daily re-answer). */
  readonly dayCheckMs: number;
}

const COMPANY_EXISTS = 'query WatchCompanyExists($id: ID!) { company(id: $id) { id } }';
const WATCH_AUTHOR: ChangeAuthor = { actor: 'watch', requestId: null, operation: 'watchAlert' };
/** Changes that cannot touch an analytics answer: the log's own entries, and sources (facts cite them by id). */
const IGNORED = new Set(['WatchAlert', 'ChangeLog', 'Source']);
/** How many of the latest re-answer durations `stats()` keeps for /metrics. */
const RECENT_ANSWERS = 1000;

/**
 * Whether a change may have moved what lies within hops of a watch's anchors: a fact recorded, changed or removed, or
 * a company deleted with its facts; not an edit of a company's own fields, nor a new company (it has no relations).
 */
function mayMoveReach(change: ChangeRecord): boolean {
  return change.entityType !== 'Company' || change.kind === 'REMOVED';
}

/**
 * What a watch waits to be answered for: the companies of the changes since that may have moved its reach (empty: none
 * did), or `EVERYTHING` when the whole reach is to be read again (the daily sweep, a watch first seen).
 */
type Moved = Set<string> | typeof EVERYTHING;
const EVERYTHING = 'everything' as const;

/** Whether two lists hold the same ids, in any order (null: everything, equal only to null). */
function sameMembers(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  const held = new Set(b);
  return a.every((id) => held.has(id));
}

/** What /metrics reports of the watches this process holds and answers. */
export interface WatchStats {
  readonly watches: number;
  /** Watches waiting to be answered again. */
  readonly queued: number;
  /** Re-answers made by this process since it started. */
  readonly reanswers: number;
  /** The latest re-answers' durations in ms (question, reach and commit), oldest first. */
  readonly recentMs: readonly number[];
}

/**
 * Standing questions that alert. After a change whose companies lie within a watch's reach, the watch is answered
 * again off the write's path (dirty watches queue; changes arriving faster than answers coalesce into one re-answer),
 * and the rows added, removed or changed become an alert, logged in the change log (entity type WatchAlert) with
 * the new answer in one transaction, and only by the process that answered first: subscribers of `watchAlerts` and
 * webhooks get it from the log like any change. Once a day after 00:00 UTC one process (a claim in Neo4j)
 * re-answers every watch, since a date passing can change an answer; a process starting catches up on the day.
 */
export class WatchEngine {
  private watches = new Map<string, WatchRecord>();
  /**
   * What this process learnt answering a watch that it did not store (the answer had not changed: only the reach
   * and the log position moved), by watch id, valid while the stored version is the one it answered at. Each process
   * keeps its own: every process answers every watch after the changes it follows.
   */
  private readonly answeredHere = new Map<string, { version: number; reach: readonly string[] | null; anchors: readonly string[]; answeredSeq: number }>();
  /** Watches to answer again, each with what may have moved its reach since (see `mayMoveReach`, `Moved`). */
  private readonly dirty = new Map<string, Moved>();
  private working: Promise<void> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private following: AsyncIterableIterator<ChangeRecord> | null = null;
  private lastDay = '';
  private readonly processId = crypto.randomUUID();
  private readonly recentMs: number[] = [];
  private reanswers = 0;

  constructor(
    private readonly repo: WatchRepository,
    private readonly feed: ChangeFeed,
    private readonly answer: Answerer,
    private readonly options: WatchEngineOptions,
    private readonly logger?: Logger,
  ) {}

  async start(): Promise<void> {
    await this.reload();
    this.timers.push(setInterval(() => void this.reload(), this.options.reloadMs), setInterval(() => void this.checkDay(), this.options.dayCheckMs));
    for (const timer of this.timers) timer.unref();
    await this.checkDay();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.following?.return?.(undefined);
    await this.working;
  }

  /** Checks a question and its arguments, answers it, and stores the watch (at most `perKey` per key). */
  async create(name: string, questionName: WatchQuestionName, args: Record<string, unknown>, owner: string | null): Promise<WatchRecord> {
    const question = WATCH_QUESTIONS.get(questionName) as WatchQuestion;
    const given = this.checkedArgs(question, args);
    for (const [name, spec] of Object.entries(question.args)) {
      // Some questions answer an unknown id with nothing rather than an error: a watch on it is refused here.
      if (spec.company && given[name] !== undefined && !(await this.answer(COMPANY_EXISTS, { id: given[name] })).company) throw notFound('company', String(given[name]));
    }
    const seq = await this.feed.currentHead();
    const { rows, data } = await this.ask(question, given);
    const anchors = question.anchors(given, data);
    const reach = await this.repo.reach(anchors, question.reachHops(given));
    const watch = { id: `watch-${crypto.randomUUID()}`, name, owner, question: questionName, args: given, answer: rows.map(storedRow), reach, anchors, answeredSeq: seq };
    const { created, held } = await this.repo.create(watch, this.options.perKey);
    if (!created) throw new DomainError(ErrorCode.QUOTA_EXCEEDED, `this key already holds ${held} watches (at most ${this.options.perKey}); remove one first`, { limit: this.options.perKey });
    // Just answered: not to be answered again as a watch this process has not seen.
    this.answeredHere.set(watch.id, { version: 0, reach, anchors, answeredSeq: seq });
    await this.reload();
    return (this.watches.get(watch.id) as WatchRecord | undefined) ?? { ...watch, version: 0, answeredAt: new Date().toISOString() };
  }

  list(owner: string | null): Promise<WatchRecord[]> {
    return this.repo.list(owner);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repo.remove(id))) throw notFound('watch', id);
    this.watches.delete(id);
    this.dirty.delete(id);
    this.answeredHere.delete(id);
  }

  /** Answers every watch again now (what the daily sweep does); resolves when done. */
  async answerAll(): Promise<void> {
    await this.reload();
    for (const id of this.watches.keys()) this.dirty.set(id, EVERYTHING);
    await this.work();
  }

  stats(): WatchStats {
    return { watches: this.watches.size, queued: this.dirty.size, reanswers: this.reanswers, recentMs: this.recentMs };
  }

  /** Resolves once no watch waits to be answered (tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.working || this.dirty.size > 0) await (this.working ?? this.work());
  }

  private checkedArgs(question: WatchQuestion, args: Record<string, unknown>): Record<string, unknown> {
    const given: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(question.args)) {
      const value = args[name];
      if (value === undefined || value === null) {
        if (spec.required) throw badInput(`${question.name}.${name}`, `is required: a watch on ${question.name} needs it (no whole-graph watches)`);
        continue;
      }
      if (spec.int && (!Number.isInteger(value) || (value as number) < spec.int.min || (value as number) > spec.int.max)) {
        throw badInput(`${question.name}.${name}`, `must be an integer from ${spec.int.min} to ${spec.int.max}`);
      }
      if (!spec.int && (typeof value !== 'string' || value.length === 0 || value.length > 200)) throw badInput(`${question.name}.${name}`, 'must be 1-200 characters');
      given[name] = value;
    }
    return given;
  }

  private async ask(question: WatchQuestion, args: Record<string, unknown>): Promise<{ rows: ReturnType<WatchQuestion['rows']>; data: Record<string, unknown> }> {
    const data = await this.answer(question.document, args);
    return { rows: question.rows(data, args), data };
  }

  /**
   * Reads the watches again, with what this process learnt of each since its stored version; follows the log only
   * while there is one (a process without watches reads nothing). A watch this process sees for the first time (it
   * started, or the watch was made through another) is answered again: its stored reach may be older than the graph,
   * since processes store a new answer only when it changed.
   */
  private async reload(): Promise<void> {
    try {
      const listed = await this.repo.list();
      const next = new Map<string, WatchRecord>();
      for (const watch of listed) {
        const here = this.answeredHere.get(watch.id);
        if (here && here.version === watch.version) {
          next.set(watch.id, { ...watch, reach: here.reach, anchors: here.anchors, answeredSeq: Math.max(here.answeredSeq, watch.answeredSeq) });
          continue;
        }
        this.answeredHere.delete(watch.id);
        next.set(watch.id, watch);
        if (!this.watches.has(watch.id) && !this.stopped) this.dirty.set(watch.id, EVERYTHING);
      }
      this.watches = next;
    } catch (error) {
      this.logger?.warn({ err: error }, 'reading the watches failed; keeping the last list');
    }
    if (this.stopped) return;
    if (this.watches.size > 0 && !this.following) void this.follow();
    if (this.dirty.size > 0 && !this.working) void this.work();
    if (this.watches.size === 0 && this.following) {
      const following = this.following;
      this.following = null;
      await following.return?.(undefined);
    }
  }

  private async follow(): Promise<void> {
    // From the oldest answer any watch holds, so a change made between an answer and now is not missed.
    const after = Math.min(...[...this.watches.values()].map((watch) => watch.answeredSeq));
    // A background reader: watches are answered off the write's path, so changes made here come at the next poll.
    const following = this.feed.follow(Number.isFinite(after) ? after : null, {}, null, false);
    this.following = following;
    try {
      for await (const change of following) {
        if (this.stopped || this.following !== following) return;
        if (IGNORED.has(change.entityType)) continue;
        for (const watch of this.watches.values()) {
          if (watch.reach === null || change.companyIds.some((id) => watch.reach?.includes(id) || watch.anchors.includes(id))) {
            const moved = this.dirty.get(watch.id) ?? new Set<string>();
            if (moved !== EVERYTHING && mayMoveReach(change)) for (const id of change.companyIds) moved.add(id);
            this.dirty.set(watch.id, moved);
          }
        }
        if (this.dirty.size > 0 && !this.working) void this.work();
      }
    } catch (error) {
      if (this.stopped || this.following !== following) return;
      this.logger?.warn({ err: error }, 'following the change log for watches stopped; starting again');
      this.following = null;
      setTimeout(() => void this.reload(), 1000).unref();
    }
  }

  /** Answers the dirty watches one after another; one loop at a time (a change during it marks watches for it). */
  private work(): Promise<void> {
    if (this.working) return this.working;
    const loop = (async () => {
      while (this.dirty.size > 0 && !this.stopped) {
        const [id, moved] = this.dirty.entries().next().value as [string, Moved];
        this.dirty.delete(id);
        const watch = this.watches.get(id);
        if (watch) await this.reanswer(watch, moved);
      }
    })();
    this.working = loop;
    // Cleared only after it was set: a loop with nothing to do finishes before the assignment above.
    void loop.finally(() => {
      if (this.working === loop) this.working = null;
    });
    return loop;
  }

  /**
   * The reach after changes among `moved`'s companies: a superset of the exact one, read around those companies only.
   * A new path within `hops` of an anchor that runs through a changed relation reaches at most hops - 1 past its
   * companies, so what lies within hops - 1 of them, added to the reach held, holds every company now within reach
   * (a relation removed leaves the reach larger than it is: some re-answers too many, none missed). Reading hops - 1
   * around two companies costs a fraction of reading hops around the anchors, which was 1.11x the question itself;
   * the exact reach is read again on the daily sweep and whenever the anchors move. An anchor among the changed
   * companies needs no reading around: take the last changed relation on a new path; what follows it is unchanged
   * and within hops - 1 of the company it reaches, so when that company is an anchor, all of it was in the reach held
   * (a new rival of the anchor itself reads around the rival alone, not around the anchor's whole neighbourhood).
   */
  private async movedReach(watch: WatchRecord, moved: Moved, hops: number): Promise<readonly string[] | null> {
    if (moved === EVERYTHING || watch.reach === null) return this.repo.reach(watch.anchors, hops);
    const changed = [...moved].filter((id) => !watch.anchors.includes(id));
    if (changed.length === 0) return watch.reach;
    const around = await this.repo.reach(changed, hops - 1);
    if (around === null) return null;
    const reach = new Set([...watch.reach, ...around]);
    return reach.size > REACH_CAP ? null : [...reach];
  }

  /**
   * Answers one watch again and records the difference; retried once on a fresh copy when another process won.
   * When changes since may have moved its reach (`moved`), the reach is brought up to date (`movedReach`) while the
   * question is answered (read whole again if the answer moved the anchors). An answer that changed nothing stores
   * nothing (this process keeps the new reach itself, see `answeredHere`): that write cost each re-answer as much as
   * the question.
   */
  private async reanswer(watch: WatchRecord, moved: Moved, attempt = 0): Promise<void> {
    const question = WATCH_QUESTIONS.get(watch.question) as WatchQuestion;
    const hops = question.reachHops(watch.args);
    const started = performance.now();
    const reachHeld = this.movedReach(watch, moved, hops);
    // Awaited below only when the anchors stayed; never left to reject unobserved.
    reachHeld.catch(() => undefined);
    try {
      const seq = await this.feed.currentHead();
      const { rows, data } = await this.ask(question, { ...watch.args });
      const diff = diffAnswers(watch.answer, rows);
      const anchors = question.anchors(watch.args, data);
      const reach = sameMembers(anchors, watch.anchors) ? await reachHeld : await this.repo.reach(anchors, hops);
      const answered = () => {
        this.reanswers += 1;
        this.recentMs.push(performance.now() - started);
        if (this.recentMs.length > RECENT_ANSWERS) this.recentMs.shift();
      };
      if (diff.lines.length === 0) {
        if (!sameMembers(reach, watch.reach) || !sameMembers(anchors, watch.anchors) || seq !== watch.answeredSeq) {
          this.answeredHere.set(watch.id, { version: watch.version, reach, anchors, answeredSeq: seq });
        }
        this.watches.set(watch.id, { ...watch, reach, anchors, answeredSeq: seq });
        answered();
        return;
      }
      const alert =
        diff.lines.length === 0
          ? null
          : { watchId: watch.id, watchName: watch.name, question: watch.question, args: JSON.stringify(watch.args), lines: diff.lines, added: diff.added, removed: diff.removed, changed: diff.changed };
      const answer: StoredRow[] = rows.map(storedRow);
      if (await this.repo.commitAnswer({ ...watch, anchors }, answer, reach, seq, alert, WATCH_AUTHOR)) {
        this.watches.set(watch.id, { ...watch, answer, reach, anchors, answeredSeq: seq, version: watch.version + 1 });
        this.answeredHere.delete(watch.id);
        answered();
        return;
      }
      // Another process answered it first: start again from what it stored.
      await this.reload();
      const fresh = this.watches.get(watch.id);
      if (fresh && attempt < 2) await this.reanswer(fresh, moved, attempt + 1);
    } catch (error) {
      this.logger?.warn({ err: error, watch: watch.id }, 'answering a watch failed; it will be answered after the next change');
    }
  }

  private async checkDay(): Promise<void> {
    const day = todayIso();
    if (day === this.lastDay) return;
    try {
      if (await this.repo.claimSweep(day, this.processId)) {
        this.logger?.info({ day }, 'answering every watch again for the new day');
        this.lastDay = day;
        await this.answerAll();
      } else {
        this.lastDay = day;
      }
    } catch (error) {
      this.logger?.warn({ err: error }, 'the daily watch sweep failed; trying again shortly');
    }
  }
}
