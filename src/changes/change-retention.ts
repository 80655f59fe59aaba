import type { Logger } from '../platform/logger';
import type { ChangeRepository } from './change.repository';

const HOUR_MS = 60 * 60 * 1000;

/**
 * CHANGE_LOG_RETENTION_DAYS: removes changes older than that many days, at start and every hour. Every process may
 * run it; removals are idempotent, and a cursor older than what was removed is refused (CURSOR_EXPIRED).
 */
export class ChangeLogRetention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly repo: ChangeRepository,
    private readonly days: number,
    private readonly logger?: Logger,
  ) {}

  start(): void {
    const run = () => {
      this.running ??= this.prune().finally(() => (this.running = null));
    };
    run();
    this.timer = setInterval(run, HOUR_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: everything committed more than `days` days ago goes. */
  async prune(now: Date = new Date()): Promise<void> {
    try {
      const { removed, prunedThrough } = await this.repo.prune(new Date(now.getTime() - this.days * 24 * HOUR_MS));
      if (removed > 0) this.logger?.info({ removed, prunedThrough, days: this.days }, 'change log retention removed old changes');
    } catch (error) {
      this.logger?.warn({ err: error }, 'change log retention failed; trying again in an hour');
    }
  }
}
