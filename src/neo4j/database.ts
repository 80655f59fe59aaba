import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { mapDriverError } from './map-driver-error';
import { countRoundTrip } from './query-stats';
import { toPlain } from './to-plain';

export type Row = Record<string, unknown>;

/** A transaction handed to repository code: runs statements and returns plain rows. */
export interface Tx {
  rows(statement: string, params?: Record<string, unknown>): Promise<Row[]>;
}

export interface DatabaseOptions {
  readonly database: string;
  readonly transactionTimeoutMs: number;
}

/**
 * The repositories' only door to Neo4j: transaction functions (`executeRead` / `executeWrite`, retried by the
 * driver on transient errors, so work must be idempotent), a timeout on every transaction, plain values out, coded
 * errors for failures a client can act on, and a round-trip count per request.
 */
export class Database {
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

  /** Shorthand for one read statement. */
  readRows(statement: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.read((tx) => tx.rows(statement, params));
  }

  /** Shorthand for one write statement. */
  writeRows(statement: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.write((tx) => tx.rows(statement, params));
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: mode });
    const config = { timeout: this.options.transactionTimeoutMs };
    const run = (managed: ManagedTransaction) => work(wrap(managed));
    try {
      return await (mode === 'READ' ? session.executeRead(run, config) : session.executeWrite(run, config));
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}

function wrap(managed: ManagedTransaction): Tx {
  return {
    async rows(statement, params = {}) {
      countRoundTrip();
      const result = await managed.run(statement, params);
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    },
  };
}
