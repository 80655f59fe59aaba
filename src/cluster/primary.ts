import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../platform/logger';
import { serveClusterMetrics } from '../metrics/cluster-metrics';
import { isWorkerReady, SKIP_SETUP_ENV } from './worker-messages';

/** A worker that dies this soon after it started is restarted after a growing pause, so a crash loop cannot spin. */
const SHORT_LIFE_MS = 10000;
const FIRST_PAUSE_MS = 500;
const MAX_PAUSE_MS = 30000;
/** How long a worker may take to drain on SIGTERM before it is killed. */
const STOP_GRACE_MS = 30000;

export interface WorkerPool {
  /** The URL the workers serve. */
  readonly url: string;
  /** SIGTERM to every worker, and resolves once all have exited (killing those still there after the grace). */
  stop(): Promise<void>;
}

/** Raised when a worker exits before it served: the start failed, as a single process's would. */
export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
}

/**
 * The primary of API_WORKERS > 1: forks the workers, which share the port (node:cluster hands connections out round
 * robin) and each wire the whole application (driver, feed, watches, webhooks, limits). The first worker applies
 * migrations and seeds before the others start; the daily watch answer and webhook deliveries coordinate through claims
 * in Neo4j, as separate processes always have. After the start, a worker that dies is logged and replaced.
 * `env` is added to every worker's environment (the managed Neo4j's URI).
 */
export async function startWorkers(count: number, env: Record<string, string>, logger: Logger): Promise<WorkerPool> {
  serveClusterMetrics();
  let stopping = false;
  let pause = FIRST_PAUSE_MS;
  const bornAt = new Map<Worker, number>();

  const fork = (setup: boolean): Promise<{ worker: Worker; url: string }> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork({ ...env, ...(setup ? {} : { [SKIP_SETUP_ENV]: '1' }) });
      bornAt.set(worker, Date.now());
      const onExit = (code: number | null, signal: string | null) => reject(new WorkerStartError(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}) before it served`));
      worker.once('exit', onExit);
      worker.on('message', (message: unknown) => {
        if (!isWorkerReady(message)) return;
        worker.off('exit', onExit);
        logger.info({ worker: worker.process.pid, setup }, 'worker serving');
        resolve({ worker, url: message.url });
      });
    });

  const watch = (worker: Worker) =>
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      const lived = Date.now() - (bornAt.get(worker) ?? 0);
      bornAt.delete(worker);
      logger.error({ worker: worker.process.pid, code, signal, livedMs: lived }, 'worker died; starting another');
      restart(lived < SHORT_LIFE_MS);
    });
  const restart = (soon: boolean) => {
    // A worker that lived a while is replaced at once; one that keeps dying young waits longer each time.
    pause = soon ? Math.min(MAX_PAUSE_MS, pause * 2) : FIRST_PAUSE_MS;
    setTimeout(() => {
      if (stopping) return;
      fork(false).then(
        ({ worker }) => watch(worker),
        (error: unknown) => {
          logger.error({ err: error, restartInMs: pause }, 'a replacement worker failed to start; trying again');
          restart(true);
        },
      );
    }, soon ? pause : 0);
  };

  const stop = async () => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
    await Promise.all(
      alive.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
            worker.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  };

  try {
    const first = await fork(true);
    const rest = await Promise.all(Array.from({ length: count - 1 }, () => fork(false)));
    for (const { worker } of [first, ...rest]) watch(worker);
    return { url: first.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
