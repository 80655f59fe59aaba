import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/** A worker asking the primary for the whole cluster's exposition, and the primary's answer. */
const ASK = 'ai-industry-graph:cluster-metrics?';
const ANSWER = 'ai-industry-graph:cluster-metrics!';
/** prom-client's own collection from the workers gives up after 5 s; the asking worker waits a little longer. */
const WAIT_MS = 6000;

interface Answer {
  readonly type: typeof ANSWER;
  readonly id: number;
  readonly metrics?: string;
  readonly error?: string;
}

/**
 * In the primary: answers a worker's request for /metrics with every worker's series, aggregated by prom-client's
 * AggregatorRegistry (counters and histograms summed, gauges as each declares). The primary serves no HTTP itself: a
 * scrape reaches whichever worker the connection lands on, and that worker asks here.
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: unknown; id?: unknown }) => {
    if (message?.type !== ASK || typeof message.id !== 'number') return;
    const id = message.id;
    aggregator.clusterMetrics().then(
      (metrics) => worker.isConnected() && worker.send({ type: ANSWER, id, metrics } satisfies Answer),
      (error: Error) => worker.isConnected() && worker.send({ type: ANSWER, id, error: error.message } satisfies Answer),
    );
  });
}

/**
 * In a worker: offers `registries` to the primary's aggregation and returns what renders the cluster's exposition.
 */
export function joinClusterMetrics(registries: Registry[]): () => Promise<string> {
  // Constructing one installs the worker's listener for the primary's collection requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries(registries);
  let next = 0;
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  process.on('message', (message: Partial<Answer>) => {
    if (message?.type !== ANSWER || typeof message.id !== 'number') return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (typeof message.metrics === 'string') waiting.resolve(message.metrics);
    else waiting.reject(new Error(`the primary could not collect the workers' metrics: ${message.error ?? 'no answer'}`));
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('the primary did not answer for the cluster metrics in time'));
      }, WAIT_MS);
      pending.set(id, { resolve, reject, timer });
      process.send?.({ type: ASK, id });
    });
}
