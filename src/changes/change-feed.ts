import type { ChangeRecord } from '../domain/change';
import { DomainError, ErrorCode } from '../domain/errors';
import type { Database } from '../neo4j/database';
import type { Logger } from '../platform/logger';
import { matchesFilter } from './change-filter';
import type { ChangeFilter, ChangeRepository } from './change.repository';

export interface ChangeFeedOptions {
  /** How often the log is read while anyone follows it (other processes' writes arrive within this). */
  readonly pollMs: number;
  /** Recent changes kept in memory, so followers that keep up never read the database themselves. */
  readonly ringSize: number;
  /** Followers at once in this process. */
  readonly maxFollowers: number;
  /** How far (in changes) a follower may fall behind the log before it is closed as a slow consumer. */
  readonly maxLag: number;
}

/** One follower as the feed tracks it: where it is, and how to close its transport when it falls too far behind. */
interface Follower {
  last: number;
  readonly closeSlow: (() => void) | null;
  /** A subscriber a change made here must reach at once (not a background reader such as the watch engine). */
  readonly atOnce: boolean;
}

/** Closes a follower that fell behind: it should resume with its last seq (nothing is lost). */
export function slowConsumer(lag: number): DomainError {
  return new DomainError(ErrorCode.SLOW_CONSUMER, `this subscription fell ${lag} changes behind the log and was closed; subscribe again with after: your last seq`, { lag });
}

/**
 * Follows the change log from Neo4j for this process: reads what was committed after the last change it holds,
 * at once after a write this process committed and every `pollMs` otherwise (so several processes share one log
 * with no broker), and only while someone follows. The log has no gaps and numbers changes in commit order, so
 * reading `seq > last` never skips one. Followers read from the recent changes held here, or from the database when
 * they resume from further back; each gets every change after its position once, in order.
 */
export class ChangeFeed {
  private head = 0;
  /** Consecutive recent changes, oldest first, ending at `head`. */
  private ring: ChangeRecord[] = [];
  private readonly followers = new Set<Follower>();
  private atOnceFollowers = 0;
  private wake: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private again = false;
  private started: Promise<void> | null = null;
  private stopped = false;
  private readonly unhook: () => void;

  constructor(
    private readonly repo: ChangeRepository,
    db: Database,
    private readonly options: ChangeFeedOptions,
    private readonly logger?: Logger,
  ) {
    // Only for subscribers: reading the log after each write costs the writer (a read competing with its next write
    // for 2 cores: writes 1.04-1.27x before the log without it, up to 1.63x with a watch held in the process); a
    // background reader learns of the change at the next poll.
    this.unhook = db.onWriteCommitted(() => {
      if (this.atOnceFollowers > 0) this.poke();
    });
  }

  /** Followers now, and the furthest any is behind the log. */
  stats(): { followers: number; maxLag: number; head: number } {
    let maxLag = 0;
    for (const follower of this.followers) maxLag = Math.max(maxLag, this.head - follower.last);
    return { followers: this.followers.size, maxLag, head: this.head };
  }

  /** The last sequence number this process has read. */
  async currentHead(): Promise<number> {
    await this.start();
    return this.head;
  }

  /**
   * Every change after `after` (null: from now on) that passes `filter`, in order, until the consumer stops. Throws
   * SERVICE_UNAVAILABLE past the follower limit and SLOW_CONSUMER when it falls `maxLag` behind. Ending it (`return`,
   * as a transport does when its client unsubscribes) takes effect at once, even while it waits for the next change.
   * A follower that is not `atOnce` (a background reader) gets changes made in this process at the next poll.
   */
  follow(after: number | null, filter: ChangeFilter, closeSlow: (() => void) | null = null, atOnce = true): AsyncIterableIterator<ChangeRecord> {
    const state = { closed: false };
    const run = this.run(after, filter, closeSlow, atOnce, state);
    const iterator: AsyncIterableIterator<ChangeRecord> = {
      next: () => run.next(),
      return: async (value?: unknown) => {
        state.closed = true;
        this.release();
        return run.return(value as undefined);
      },
      throw: (error?: unknown) => run.throw(error),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  private async *run(after: number | null, filter: ChangeFilter, closeSlow: (() => void) | null, atOnce: boolean, state: { closed: boolean }): AsyncGenerator<ChangeRecord> {
    if (this.followers.size >= this.options.maxFollowers) {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `this server already serves ${this.options.maxFollowers} subscriptions; try another or later`);
    }
    await this.start();
    const follower: Follower = { last: after ?? this.head, closeSlow, atOnce };
    this.followers.add(follower);
    if (atOnce) this.atOnceFollowers += 1;
    this.schedule();
    try {
      for (;;) {
        if (this.stopped || state.closed) return;
        const lag = this.head - follower.last;
        if (lag > this.options.maxLag) throw slowConsumer(lag);
        const first = this.ring[0];
        if (follower.last < this.head && first && first.seq <= follower.last + 1) {
          // Caught up to what this process holds: hand out the held changes after the follower's position.
          const held = this.ring.slice(follower.last + 1 - first.seq);
          for (const change of held) {
            follower.last = change.seq;
            if (matchesFilter(change, filter)) yield change;
            if (state.closed) return;
          }
        } else if (follower.last < this.head) {
          // Further back than what is held: a page from the database, filtered there.
          const upTo = this.head;
          const page = await this.repo.page({ filter, after: follower.last, first: 100, newestFirst: false });
          for (const change of page.items) {
            follower.last = change.seq;
            yield change;
            if (state.closed) return;
          }
          if (!page.hasMore) follower.last = Math.max(follower.last, upTo);
        } else {
          await new Promise<void>((resolve) => this.wake.push(resolve));
        }
      }
    } finally {
      this.followers.delete(follower);
      if (atOnce) this.atOnceFollowers -= 1;
      this.schedule();
    }
  }

  /** Reads the log now (a write just committed here); coalesced with a read already under way. */
  poke(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.read().finally(() => {
      this.reading = null;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }

  /**
   * Looks now whether the log was wiped or restored behind what this process read (see `noticeRestart`), rather
   * than at the next empty poll: a change committed before that poll would be numbered at or below the stale head
   * and skipped by followers positioned there. For whoever wipes the log in process (the tests' reset).
   */
  async resync(): Promise<void> {
    await this.start();
    await this.noticeRestart();
  }

  stop(): void {
    this.stopped = true;
    this.unhook();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.release();
  }

  private start(): Promise<void> {
    // A failed first read is not kept: when the first subscriber of this process came while the database was away,
    // keeping the rejected promise refused every subscription and every poll of this process for good, long after
    // the database was back (test/integration/changes/change-log-failures.test.ts). The next call tries again.
    this.started ??= this.repo.head().then(
      ({ seq }) => {
        this.head = seq;
      },
      (error: unknown) => {
        this.started = null;
        throw error;
      },
    );
    return this.started;
  }

  /** Polls while anyone follows, and not otherwise. */
  private schedule(): void {
    if (this.followers.size > 0 && !this.timer && !this.stopped) {
      this.timer = setInterval(() => this.poke(), this.options.pollMs);
      this.timer.unref();
    } else if (this.followers.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private async read(): Promise<void> {
    try {
      await this.start();
      for (;;) {
        const page = await this.repo.page({ filter: {}, after: this.head, first: 500, newestFirst: false });
        if (page.items.length === 0) {
          await this.noticeRestart();
          break;
        }
        for (const change of page.items) {
          // The log has no gaps; one would mean a change this process could never hand out in order.
          if (change.seq !== this.head + 1) this.ring = [];
          this.ring.push(change);
          this.head = change.seq;
        }
        if (this.ring.length > this.options.ringSize) this.ring = this.ring.slice(this.ring.length - this.options.ringSize);
        this.release();
        if (!page.hasMore) break;
      }
      for (const follower of this.followers) {
        if (this.head - follower.last > this.options.maxLag) follower.closeSlow?.();
      }
    } catch (error) {
      this.logger?.warn({ err: error }, 'reading the change log failed; trying again at the next poll');
    }
  }

  /**
   * A log that holds less than this process has read was wiped or restored from an older backup: start again from
   * its end (followers ahead of it too), rather than wait forever for numbers it already gave out.
   */
  private async noticeRestart(): Promise<void> {
    const { seq } = await this.repo.head();
    if (seq >= this.head) return;
    this.logger?.warn({ held: this.head, log: seq }, 'the change log is behind what this process read (wiped or restored); following it from its end');
    this.head = seq;
    this.ring = [];
    for (const follower of this.followers) follower.last = Math.min(follower.last, seq);
  }

  private release(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const resolve of waiting) resolve();
  }
}
