/**
 * undici as the client uses it: its Pool and error classes from the public entry point, and one
 * request helper on undici's documented dispatch-handler API.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { errors, Pool, type Dispatcher } from 'undici';

export { errors, Pool };

/** What can cancel a request: an AbortSignal, or an EventEmitter with `aborted` and `reason` (as undici's request() takes). */
export type RequestSignal =
  | AbortSignal
  | {
      readonly aborted: boolean;
      readonly reason?: unknown;
      once(event: 'abort', listener: () => void): unknown;
      off(event: 'abort', listener: () => void): unknown;
    };

/** A whole answer: its status, headers (as undici's request() parses them) and body bytes. */
export interface BufferedAnswer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The body of an answer failed after its status arrived (stalled, cut off, too large, cancelled). */
export class AnswerBodyError extends Error {
  constructor(
    readonly statusCode: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

export interface BufferedRequestOptions extends Omit<Dispatcher.DispatchOptions, 'signal'> {
  signal?: RequestSignal | undefined;
}

/**
 * One request through `dispatcher`, its answer's body collected into one Buffer: what undici's
 * request() followed by `body.bytes()` gives, through undici's documented handler API
 * (`dispatch()` with onRequestStart/onResponseStart/onResponseData/onResponseEnd/onResponseError).
 *
 * request() wraps each answer in an AsyncResource and a Readable stream, only for the body to be
 * read back out of the stream; docs/performance.md gives the CPU this saves.
 *
 * It rejects with undici's error (or the signal's reason) when the request fails before an
 * answer, and with an AnswerBodyError around it when the body fails after the status arrived.
 */
export function requestBuffered(dispatcher: Dispatcher, options: BufferedRequestOptions): Promise<BufferedAnswer> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    let controller: Dispatcher.DispatchController | undefined;
    let reason: Error | undefined;
    let statusCode = 0;
    let headers: IncomingHttpHeaders = {};
    let chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onAbort = () => {
      reason = abortReason(signal);
      // Before the request reaches a socket, onRequestStart aborts it.
      controller?.abort(reason);
    };
    const settle = () => {
      settled = true;
      if (signal === undefined) return;
      if ('removeEventListener' in signal) signal.removeEventListener('abort', onAbort);
      else signal.off('abort', onAbort);
    };
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        // undici may start a request again (a pipelined request retried on a new socket).
        chunks = [];
        size = 0;
        if (reason) started.abort(reason);
      },
      onResponseStart(_controller, status, responseHeaders) {
        // Informational (1xx) answers are not the answer, as request() ignores them.
        if (status < 200) return;
        statusCode = status;
        headers = responseHeaders;
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
        size += chunk.length;
      },
      onResponseEnd() {
        if (settled) return;
        settle();
        resolve({ statusCode, headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
      },
      onResponseError(_controller, error) {
        if (settled) return;
        settle();
        reject(statusCode === 0 ? error : new AnswerBodyError(statusCode, error));
      },
    };
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    if (signal) {
      if ('addEventListener' in signal) signal.addEventListener('abort', onAbort, { once: true });
      else signal.once('abort', onAbort);
    }
    dispatcher.dispatch(options as Dispatcher.DispatchOptions, handler);
  });
}

/** The error a cancelled request fails with: the signal's reason, as request() does. */
function abortReason(signal: RequestSignal | undefined): Error {
  const reason = signal?.reason;
  return reason instanceof Error ? reason : new errors.RequestAbortedError();
}
