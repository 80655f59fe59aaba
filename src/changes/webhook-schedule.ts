/** When a failed webhook delivery is tried again, and when it is given up (pure: the dispatcher passes the clock). */

export interface RetrySchedule {
  /** The wait after the first failure; each further failure doubles it. */
  readonly backoffBaseMs: number;
  /** No wait is longer than this. */
  readonly backoffMaxMs: number;
  /** How long after its first attempt a delivery is still retried. */
  readonly retryMs: number;
}

/** The wait after the `attempts`-th failed attempt (1: the first): base, 2 x base, 4 x base... capped. */
export function backoffDelay(schedule: RetrySchedule, attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 40));
  return Math.min(schedule.backoffMaxMs, schedule.backoffBaseMs * 2 ** exponent);
}

/**
 * After a failed attempt: the time of the next one, or null when the retry window (from the first attempt) has
 * passed and the delivery is to be marked failed. The last retry is moved back to the window's end rather than
 * skipped, so a receiver that comes back just before the deadline still gets it.
 */
export function nextAttemptAt(schedule: RetrySchedule, firstAttemptAt: number, attempts: number, now: number): number | null {
  const deadline = firstAttemptAt + schedule.retryMs;
  if (now >= deadline) return null;
  return Math.min(now + backoffDelay(schedule, attempts), deadline);
}

/** The waits a delivery that always fails goes through, from its first attempt at 0 (for docs and tests). */
export function retryTimeline(schedule: RetrySchedule): number[] {
  const times = [0];
  for (let attempts = 1; attempts < 10000; attempts += 1) {
    const last = times[times.length - 1] as number;
    const next = nextAttemptAt(schedule, 0, attempts, last);
    if (next === null) break;
    times.push(next);
  }
  return times;
}
