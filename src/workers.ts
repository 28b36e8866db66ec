/**
 * WORKERS above 1: the cluster primary. It forks that many gateway processes, which share one
 * listening port (node:cluster hands each new connection to the next worker in turn), replaces a
 * worker that dies, answers their /metrics with the sum over all of them, and on SIGTERM/SIGINT
 * lets every worker drain and exits once all have ended. It serves no requests itself.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Address } from 'node:cluster';
import type { Readable } from 'node:stream';
import type { DestinationStream } from 'pino';
import { answerScrapes } from './observability/cluster-metrics.js';
import type { Logger } from './observability/logger.js';

/** A worker that lived this long is replaced at once; one that died sooner waits a backoff. */
const STABLE_AFTER_MS = 10_000;
/** Backoff after the first short-lived worker, doubling with each one in a row. */
const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 10_000;

/**
 * Set in the environment of the workers forked here, so a process in someone else's cluster (a
 * process manager's cluster mode) runs as a gateway of its own rather than as one of these.
 */
const WORKER_VARIABLE = 'ORG_GATEWAY_WORKER';

/** Whether this process is a worker that superviseWorkers() forked. */
export function isGatewayWorker(): boolean {
  return cluster.isWorker && process.env[WORKER_VARIABLE] === '1';
}

export interface SuperviseOptions {
  /** Worker processes to keep running. */
  workers: number;
  /** The primary's own log lines: a worker's exit, shutdown. */
  logger: Logger;
  /** The stream `logger` writes to; workers' log lines join it whole lines at a time. */
  output: DestinationStream;
  /** Added to every worker's environment. @default none */
  env?: Record<string, string>;
  /** Called once, when every worker has started listening. */
  onListening?: (address: Address) => void;
  /** Awaited after the last worker has exited, before the primary exits. */
  onStopped?: () => Promise<unknown>;
}

export function superviseWorkers(options: SuperviseOptions): void {
  const { logger } = options;
  const running = new Set<Worker>();
  const serving = new Set<Worker>();
  let started = false;
  let stopping = false;
  let exitCode = 0;
  /** Workers in a row that died within STABLE_AFTER_MS of being forked. */
  let shortLived = 0;
  let pendingFork: NodeJS.Timeout | undefined;

  // Each worker's stdout is a pipe read here, so lines reach the real stdout whole: writes of
  // several processes to one pipe interleave mid-line once a batch is larger than PIPE_BUF.
  cluster.setupPrimary({ stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  answerScrapes(() => serving);

  const fork = () => {
    pendingFork = undefined;
    const forkedAt = Date.now();
    const worker = cluster.fork({ ...options.env, [WORKER_VARIABLE]: '1' });
    running.add(worker);
    forwardLines(worker.process.stdout!, options.output);
    worker.on('listening', (address: Address) => {
      serving.add(worker);
      if (!started && serving.size === options.workers) {
        started = true;
        options.onListening?.(address);
      }
    });
    worker.on('exit', (code: number | null, signal: NodeJS.Signals | null) => {
      serving.delete(worker);
      const pid = worker.process.pid;
      if (stopping) {
        // A worker still starting when the signal came ends by it, with nothing to drain.
        if (code !== 0 && signal !== 'SIGTERM') exitCode = 1;
        return;
      }
      if (!started) {
        logger.error({ worker: pid, code, signal }, `worker ${pid} exited before it listened; stopping`);
        exitCode = 1;
        stop();
        return;
      }
      shortLived = Date.now() - forkedAt >= STABLE_AFTER_MS ? 0 : shortLived + 1;
      const delay = shortLived === 0 ? 0 : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (shortLived - 1));
      logger.error(
        { worker: pid, code, signal, restartInMs: delay },
        `worker ${pid} exited (${signal ?? `code ${code}`}); starting another in ${delay} ms`,
      );
      pendingFork = setTimeout(fork, delay);
    });
    // 'close' comes after 'exit' and after the worker's stdout has been read to its end.
    worker.process.once('close', () => {
      running.delete(worker);
      if (stopping && running.size === 0) finish();
    });
  };

  const stop = (signal?: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(pendingFork);
    if (signal) logger.info({ signal }, `${signal}: every worker finishes its in-flight requests, then exits`);
    for (const worker of running) worker.process.kill('SIGTERM');
    if (running.size === 0) finish();
  };

  const finish = () => {
    void Promise.allSettled([options.onStopped?.()]).then(() => process.exit(exitCode));
  };

  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < options.workers; i += 1) fork();
}

/** Copies a worker's output to `to` in whole lines, so that no two processes' lines mix. */
function forwardLines(from: Readable, to: DestinationStream): void {
  let partial = '';
  // Decoded as UTF-8 across chunk boundaries; '\n' never occurs inside a multi-byte character.
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    const end = chunk.lastIndexOf('\n');
    if (end === -1) {
      partial += chunk;
      return;
    }
    to.write(partial + chunk.slice(0, end + 1));
    partial = chunk.slice(end + 1);
  });
  from.on('end', () => {
    if (partial !== '') to.write(`${partial}\n`);
  });
}
