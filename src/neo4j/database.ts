import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { DomainError, ErrorCode } from '../domain/errors';
import { mapDriverError } from './map-driver-error';
import { countRoundTrip } from './query-stats';
import { currentRequestBookmarks } from './request-bookmarks';
import { toPlain } from './to-plain';

export type Row = Record<string, unknown>;

/** A transaction handed to repository code: runs statements and returns plain rows. */
export interface Tx {
  rows(statement: string, params?: Record<string, unknown>): Promise<Row[]>;
}

export interface DatabaseOptions {
  readonly database: string;
  readonly transactionTimeoutMs: number;
  /**
   * The timeout of maintenance writes (migrations, backfills, an import's batches): work a start or an operator runs
   * over the whole graph, which a request's timeout would stop half way on a large one.
   */
  readonly maintenanceTimeoutMs?: number;
  /** After the database is found unreachable, refuse work at once for this long instead of waiting on it again. */
  readonly unavailableCooldownMs?: number;
}

function isUnavailable(error: unknown): boolean {
  return error instanceof DomainError && error.code === ErrorCode.SERVICE_UNAVAILABLE;
}

/**
 * The repositories' only door to Neo4j: transaction functions (`executeRead` / `executeWrite`, retried by the
 * driver on transient errors, so work must be idempotent), a timeout on every transaction, plain values out, coded
 * errors for failures a client can act on, and a round-trip count per request.
 */
export class Database {
  private unavailableUntil = 0;
  private readonly committedListeners = new Set<() => void>();
  /**
   * One bookmark manager for every session of the process: a read that follows a write waits for the write's
   * bookmark, so behind a neo4j:// routing cluster a client reads its own writes even when a follower serves the read.
   */
  readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();

  constructor(
    readonly driver: Driver,
    private readonly options: DatabaseOptions,
  ) {}

  /** Runs read work; routable to cluster followers. */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('READ', work);
  }

  /** Runs write work in one transaction: all of it commits or none does. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work);
  }

  /**
   * Calls `listener` after every write transaction this process commits (whether or not it changed anything), so
   * whoever follows the change log can look at once instead of at its next poll. Returns the unsubscribe function.
   */
  onWriteCommitted(listener: () => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /** Runs maintenance work in one write transaction, bounded by the maintenance timeout instead of a request's. */
  maintain<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work, this.options.maintenanceTimeoutMs ?? this.options.transactionTimeoutMs);
  }

  /**
   * Runs write work and rolls it back whatever it did: nothing commits and no listener hears of it. For planning a
   * statement before a client needs it (Neo4j caches the plan of a statement that ran, not of one it only EXPLAINed).
   * Bounded by the maintenance timeout: planning a large statement under load can take longer than a request may.
   */
  async rehearse(work: (tx: Tx) => Promise<unknown>): Promise<void> {
    const rolledBack = new Error('rehearsal: rolled back');
    try {
      await this.transaction(
        'WRITE',
        async (tx) => {
          await work(tx);
          throw rolledBack;
        },
        this.options.maintenanceTimeoutMs ?? this.options.transactionTimeoutMs,
      );
    } catch (error) {
      if (error !== rolledBack) throw error;
    }
  }

  /**
   * Runs maintenance reads in one read transaction under the maintenance timeout: an import's pre-flight reads every
   * id a file names, which on a large graph under load outlasts a request's timeout.
   */
  inspect<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('READ', work, this.options.maintenanceTimeoutMs ?? this.options.transactionTimeoutMs);
  }

  /** Shorthand for one maintenance read. */
  inspectRows(statement: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.inspect((tx) => tx.rows(statement, params));
  }

  /** Shorthand for one maintenance statement. */
  maintainRows(statement: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.maintain((tx) => tx.rows(statement, params));
  }

  /** Shorthand for one read statement. */
  readRows(statement: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.read((tx) => tx.rows(statement, params));
  }

  /** Shorthand for one write statement. */
  writeRows(statement: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.write((tx) => tx.rows(statement, params));
  }

  /**
   * Runs one statement that commits in batches (`CALL { ... } IN TRANSACTIONS`): data migrations over large graphs.
   * Neo4j runs those only in an auto-commit transaction, so this is the one place that is not a transaction function
   * (not retried: such statements are idempotent and re-run whole on the next start).
   */
  async runInBatches(statement: string, params: Record<string, unknown> = {}): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: 'WRITE', bookmarkManager: this.bookmarks });
    try {
      const finished = countRoundTrip(statement, params);
      await session.run(statement, params);
      finished();
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, timeoutMs = this.options.transactionTimeoutMs): Promise<T> {
    // Fail fast during an outage: one request per cool-down probes the database, the rest answer at once.
    if (Date.now() < this.unavailableUntil) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly');
    // A request that brought a bookmark (a write made through another process) waits for it on top of this process's own.
    const request = currentRequestBookmarks();
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: mode, bookmarkManager: this.bookmarks, bookmarks: request?.awaited.length ? [...request.awaited] : undefined });
    const config = { timeout: timeoutMs };
    const run = (managed: ManagedTransaction) => work(wrap(managed));
    // Reads only: a write abandoned here could still commit once the server catches up, after its client heard it failed.
    const awaiting = mode === 'READ' && request !== undefined && request.awaited.length > 0;
    let abandoned = false;
    try {
      const running = mode === 'READ' ? session.executeRead(run, config) : session.executeWrite(run, config);
      const result = awaiting ? await this.withinBookmarkWait(running, () => (abandoned = true)) : await running;
      if (mode === 'WRITE') {
        if (request) request.written = session.lastBookmarks();
        for (const listener of this.committedListeners) listener();
      }
      return result;
    } catch (error) {
      const mapped = mapDriverError(error);
      if (isUnavailable(mapped)) this.unavailableUntil = Date.now() + (this.options.unavailableCooldownMs ?? 1000);
      throw mapped;
    } finally {
      // An abandoned session still waits in the driver for the server's answer; closing it must not hold the request.
      if (abandoned) session.close().catch(() => undefined);
      else await session.close();
    }
  }

  /**
   * A bookmark ahead of the server makes Neo4j wait before the transaction begins (`db.transaction.bookmark_ready_timeout`,
   * 30 s by default, and the driver retries the transient BookmarkTimeout: two minutes measured on 5.26), which the
   * transaction timeout does not bound. A read carrying one gets the transaction timeout and a second as a whole,
   * then BOOKMARK_TIMEOUT; the driver's work goes on in the background and is dropped.
   */
  private async withinBookmarkWait<T>(running: Promise<T>, abandon: () => void): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limitMs = this.options.transactionTimeoutMs + 1000;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abandon();
        running.catch(() => undefined);
        reject(new DomainError(ErrorCode.BOOKMARK_TIMEOUT, `The database has not caught up with the bookmark within ${limitMs} ms; try again shortly`));
      }, limitMs);
    });
    try {
      return await Promise.race([running, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function wrap(managed: ManagedTransaction): Tx {
  return {
    async rows(statement, params = {}) {
      const finished = countRoundTrip(statement, params);
      const result = await managed.run(statement, params);
      finished();
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    },
  };
}
