/** What a worker tells the primary, and how the primary tells a worker its part of the start. */

/** Sent by a worker once it listens: the start-up it was given is done and it serves requests. */
export const WORKER_READY = 'ai-industry-graph:worker-ready';

/**
 * Set by the primary on every worker but the first of a start: the first applies migrations and seeds an empty
 * database before the others are forked, so that work runs once, never concurrently with itself.
 */
export const SKIP_SETUP_ENV = 'API_WORKER_SKIP_SETUP';

export function isWorkerReady(message: unknown): message is { type: typeof WORKER_READY; url: string } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === WORKER_READY;
}
