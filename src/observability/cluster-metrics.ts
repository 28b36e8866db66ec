/**
 * `/metrics` across cluster workers (WORKERS above 1). The worker that gets the scrape asks the
 * primary; the primary asks every worker that is serving for its registry as JSON and adds them up
 * with prom-client's AggregatorRegistry.aggregate (each metric by its `aggregator`: counters and
 * histograms summed, gauges as declared in ./metrics.ts).
 *
 * prom-client's own clusterMetrics() asks every connected worker, including one still starting
 * (which cannot answer yet) or one that has just died, and then fails the whole scrape after
 * 5 s. Here only workers that listen are asked, and one that exits or stays silent is left out.
 */
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/** How long the primary waits for workers' metrics before it adds up those that came. */
const COLLECT_TIMEOUT_MS = 2_000;
/** How long a worker waits for the primary's sum before the scrape fails. */
const SCRAPE_TIMEOUT_MS = 4_000;

/** A worker asks the primary for every worker's metrics; the primary answers with `scraped`. */
interface ScrapeMessage {
  type: 'org-gateway:scrape';
  id: number;
}
interface ScrapedMessage {
  type: 'org-gateway:scraped';
  id: number;
  body?: string;
  error?: string;
}
/** The primary asks one worker for its registry; the worker answers with `collected`. */
interface CollectMessage {
  type: 'org-gateway:collect';
  id: number;
}
interface CollectedMessage {
  type: 'org-gateway:collected';
  id: number;
  metrics: object[];
}

function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

/** In a worker: answer the primary's requests for this worker's metrics. */
export function shareWorkerMetrics(registry: Registry): void {
  process.on('message', (message: unknown) => {
    if (!isMessage<CollectMessage>(message, 'org-gateway:collect')) return;
    void registry.getMetricsAsJSON().then((metrics) => {
      const answer: CollectedMessage = { type: 'org-gateway:collected', id: message.id, metrics };
      if (process.connected) process.send?.(answer);
    });
  });
}

let nextScrape = 0;
const scrapes = new Map<number, (message: ScrapedMessage) => void>();
let listening = false;

/** In a worker: every worker's metrics added up, as Prometheus text, from the primary. */
export function clusterMetrics(): Promise<string> {
  if (!listening) {
    listening = true;
    process.on('message', (message: unknown) => {
      if (isMessage<ScrapedMessage>(message, 'org-gateway:scraped')) scrapes.get(message.id)?.(message);
    });
  }
  const id = nextScrape++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      scrapes.delete(id);
      reject(new Error(`the cluster primary did not answer within ${SCRAPE_TIMEOUT_MS} ms`));
    }, SCRAPE_TIMEOUT_MS);
    scrapes.set(id, (message) => {
      clearTimeout(timer);
      scrapes.delete(id);
      if (message.body !== undefined) resolve(message.body);
      else reject(new Error(message.error ?? 'the cluster primary sent no metrics'));
    });
    const request: ScrapeMessage = { type: 'org-gateway:scrape', id };
    process.send?.(request);
  });
}

/** In the primary: answer workers' scrapes with the sum over `serving()`, the workers that listen. */
export function answerScrapes(serving: () => Iterable<Worker>): void {
  let nextCollect = 0;
  const collecting = new Map<number, { waiting: Set<Worker>; metrics: object[]; done: () => void }>();

  /** Each serving worker's registry as JSON; one that exits or stays silent is left out. */
  const collect = () =>
    new Promise<object[]>((resolve) => {
      const id = nextCollect++;
      const waiting = new Set([...serving()].filter((worker) => worker.isConnected()));
      const metrics: object[] = [];
      const done = () => {
        clearTimeout(timer);
        cluster.off('exit', left);
        collecting.delete(id);
        resolve(metrics);
      };
      const left = (worker: Worker) => {
        if (waiting.delete(worker) && waiting.size === 0) done();
      };
      const timer = setTimeout(done, COLLECT_TIMEOUT_MS);
      cluster.on('exit', left);
      collecting.set(id, { waiting, metrics, done });
      const request: CollectMessage = { type: 'org-gateway:collect', id };
      for (const worker of waiting) worker.send(request);
      if (waiting.size === 0) done();
    });

  cluster.on('message', (worker: Worker, message: unknown) => {
    if (isMessage<CollectedMessage>(message, 'org-gateway:collected')) {
      const collection = collecting.get(message.id);
      if (!collection?.waiting.delete(worker)) return;
      collection.metrics.push(message.metrics);
      if (collection.waiting.size === 0) collection.done();
      return;
    }
    if (!isMessage<ScrapeMessage>(message, 'org-gateway:scrape')) return;
    const id = message.id;
    void collect()
      .then((metrics) => AggregatorRegistry.aggregate(metrics).metrics())
      .then(
        (body): ScrapedMessage => ({ type: 'org-gateway:scraped', id, body }),
        (error: unknown): ScrapedMessage => ({
          type: 'org-gateway:scraped',
          id,
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .then((answer) => {
        if (worker.isConnected()) worker.send(answer);
      });
  });
}
