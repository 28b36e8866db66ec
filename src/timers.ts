/**
 * The timers behind the gateway's own deadlines and waits: the operation deadline, a retry's
 * backoff, a caller's wait for a slot, the readiness probe's timeout and its answer (and the demo
 * upstream's delays). In production they are Node's; tests pass timers that move only when the
 * test moves them (test/helpers/manual-timers.ts), so no test waits out a deadline in real time.
 * The time of day stays `Date.now()`, which those tests freeze and move along with the timers.
 */

/** A timer's handle, for clearTimeout; only the Timers that made it knows what it is. */
export type TimerHandle = unknown;

export interface Timers {
  /** Calls `callback` once, `ms` from now. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** Resolves `ms` from now. */
  sleep(ms: number): Promise<void>;
}

/** Node's timers, looked up at each call. */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
