/**
 * Structured JSON logs with pino. Secrets are redacted by path before a line is written, so an
 * Authorization header, a cookie or a jwtSecret that ends up in a logged object never reaches the
 * output, whoever logged it.
 */
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
// A CommonJS module: its default import is module.exports, which carries the class by name too.
import sonicBoom from 'sonic-boom';
import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import { UpstreamError } from '../upstream/errors.js';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const satisfies readonly LevelWithSilent[];
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Paths pino censors wherever they occur in a logged object (one or two levels deep). */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'jwtSecret',
  'token',
  '*.authorization',
  '*.cookie',
  '*.jwtSecret',
  '*.token',
  '*.*.authorization',
  '*.*.jwtSecret',
  'headers["set-cookie"]',
];

const operationLoggers = new WeakMap<Logger, Logger>();

/** Longest time a log line waits in the batch before it is written. */
export const LOG_FLUSH_INTERVAL_MS = 1_000;

let stdoutStream: DestinationStream | undefined;

/**
 * stdout, written asynchronously in batches: lines collect until 4 KiB are waiting or a second has
 * passed, then go out in one write. A write per line (synchronous, or one thread-pool write each)
 * was a fifth of the CPU time of a list operation under load in `npm run bench`. The batch is
 * written synchronously when the process exits, also after an uncaught exception, so only a
 * SIGKILL can lose the last second of lines.
 *
 * This is sonic-boom 5 (the stream pino.destination() makes, one major later), not
 * pino.destination(): pino 10 brings sonic-boom 4, whose synchronous flush at exit retries a write
 * that failed with EPIPE every 100 ms, forever, so a gateway whose log reader had gone (a pipe into
 * a filter that quit) never exited after SIGTERM (test/process.test.ts). Once stdout is a broken
 * pipe, lines are dropped, as pino does: there is no one left to read them.
 */
export function batchedStdout(): DestinationStream {
  // One per process: stdout is one file descriptor, and each stream adds an exit listener.
  if (stdoutStream) return stdoutStream;
  const stream = new sonicBoom.SonicBoom({ fd: 1, sync: false, minLength: 4096 });
  stdoutStream = stream;
  let open = true;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    open = false;
    stream.write = () => true;
  });
  setInterval(() => open && stream.flush(), LOG_FLUSH_INTERVAL_MS).unref();
  process.on('exit', () => {
    if (!open) return;
    try {
      stream.flushSync();
    } catch {
      // stdout broke (EPIPE) with lines still waiting; sonic-boom 5 says so instead of retrying.
    }
  });
  return stream;
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  // One stream for both loggers below, so their lines never interleave.
  const stream = destination ?? batchedStdout();
  const options = {
    level,
    // pid: with WORKERS above 1, several processes write to one stdout.
    base: { service: 'org-gateway', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  const logger = pino({ ...options, redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' } }, stream);
  // The line per operation (./plugin.ts) is built from typed fields only: ids, the operation's
  // name and type, error codes, durations and upstream route templates, never a header, a
  // variable or an upstream body. There is nothing for redaction to find in it, and its pass over
  // every line was 2 % of a list operation's CPU, so that line goes through this sibling without it.
  operationLoggers.set(logger, pino(options, stream));
  return logger;
}

/** The logger for the per-operation line: `logger`'s unredacted sibling when createLogger made it. */
export function operationLogger(logger: Logger): Logger {
  return operationLoggers.get(logger) ?? logger;
}

/** yoga's own log calls (e.g. the original of a masked error), routed into pino. */
export function toYogaLogger(logger: Logger): YogaLogger {
  const forward =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) {
        // Upstream failures are expected, mapped to a code and already in the operation's log
        // line; yoga's report of the original is detail for debugging, not an error of the gateway.
        const original = first instanceof GraphQLError ? first.originalError : first;
        logger[original instanceof UpstreamError ? 'debug' : level]({ err: first }, first.message);
      } else if (typeof first === 'string') logger[level]({ details: rest.length > 0 ? rest : undefined }, first);
      else logger[level]({ details: args });
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
