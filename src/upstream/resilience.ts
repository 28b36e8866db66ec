/**
 * How upstream calls survive a flaky upstream, with cockatiel: retries of safe reads, and a circuit
 * breaker that makes calls fail fast while the upstream is down instead of piling up. The client
 * (./client.ts) runs every attempt through here; nothing here speaks HTTP.
 */
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState as BreakerState,
  ConsecutiveBreaker,
  decorrelatedJitterGenerator,
  DelegateBackoff,
  ExponentialBackoff,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  type CircuitBreakerPolicy,
  type IBackoff,
} from 'cockatiel';
import {
  UpstreamCircuitOpenError,
  UpstreamHttpError,
  UpstreamRateLimitError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './errors.js';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface ResilienceOptions {
  /**
   * Retries of a failed GET after a network error, a 502/503/504, or a 429 whose `retryAfterMs`
   * fits the deadline. 0 turns retries off. Writes are never retried.
   * @default 2
   */
  retries?: number;
  /** Scale of the first backoff delay; later ones grow exponentially, with jitter. @default 100 */
  retryBaseDelayMs?: number;
  /** Longest backoff delay between two attempts. @default 2000 */
  retryMaxDelayMs?: number;
  /** Consecutive failed calls (network errors, timeouts, 5xx) that open the circuit. @default 10 */
  circuitBreakerFailures?: number;
  /** How long an open circuit refuses calls before it lets one trial call through. @default 10000 */
  circuitBreakerResetMs?: number;
}

export const RESILIENCE_DEFAULTS = {
  retries: 2,
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 2_000,
  circuitBreakerFailures: 10,
  circuitBreakerResetMs: 10_000,
} as const satisfies Required<ResilienceOptions>;

/** One logical upstream call, as the retry policy needs to see it. */
export interface CallPlan {
  method: string;
  /** Epoch ms by which the whole call, retries included, must be over. */
  deadlineAt: number | undefined;
  /** Ends the call early (client gone, deadline passed); an AbortSignal is made from it only here. */
  cancellation: { toAbortSignal(): AbortSignal } | undefined;
}

/**
 * A retry is only worth its delay when the attempt after it still has time to get an answer. The
 * gateway cannot know the upstream's latency; 100 ms covers a round trip on a LAN or in a region.
 */
const MIN_ATTEMPT_MS = 100;

/** The longest delay a Node.js timer takes; the signal, not this, ends a call early. */
const MAX_TIMER_MS = 2_147_483_647;

/** 502/503/504 say "not processed, try again"; a 500 may be a bug that a retry only repeats. */
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export class Resilience {
  private readonly retries: number;
  private readonly backoff: ExponentialBackoff<[number, number]>;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly cancellable = timeout(MAX_TIMER_MS, TimeoutStrategy.Aggressive);
  private readonly failureThreshold: number;
  private readonly resetMs: number;
  private openedAt = 0;

  constructor(options: ResilienceOptions = {}) {
    this.retries = options.retries ?? RESILIENCE_DEFAULTS.retries;
    this.backoff = new ExponentialBackoff({
      generator: decorrelatedJitterGenerator,
      initialDelay: options.retryBaseDelayMs ?? RESILIENCE_DEFAULTS.retryBaseDelayMs,
      maxDelay: options.retryMaxDelayMs ?? RESILIENCE_DEFAULTS.retryMaxDelayMs,
    });
    this.failureThreshold = options.circuitBreakerFailures ?? RESILIENCE_DEFAULTS.circuitBreakerFailures;
    this.resetMs = options.circuitBreakerResetMs ?? RESILIENCE_DEFAULTS.circuitBreakerResetMs;
    this.breaker = circuitBreaker(handleWhen(isUpstreamFailure), {
      halfOpenAfter: this.resetMs,
      breaker: new ConsecutiveBreaker(this.failureThreshold),
    });
    this.breaker.onBreak(() => {
      this.openedAt = Date.now();
    });
  }

  /**
   * The breaker's state for metrics and readiness. cockatiel keeps an expired open circuit "open"
   * until the next call arrives and becomes the trial; that call will go through, so it reads
   * `half-open` here, or a readiness probe would wait for traffic that an unready pod never gets.
   */
  get circuitState(): CircuitState {
    switch (this.breaker.state) {
      case BreakerState.Closed:
        return 'closed';
      case BreakerState.HalfOpen:
        return 'half-open';
      default:
        return this.openRemainingMs() > 0 ? 'open' : 'half-open';
    }
  }

  /** Time until an open circuit lets a trial call through; 0 when it is not open. */
  openRemainingMs(): number {
    if (this.breaker.state !== BreakerState.Open) return 0;
    return Math.max(0, this.openedAt + this.resetMs - Date.now());
  }

  /**
   * Runs `attempt` under the circuit breaker, and retries it when the call is a GET and the
   * failure is worth retrying within the deadline. `attempt` must itself honour `plan.cancellation`.
   * When it aborts, this rejects at once with cockatiel's TaskCancelledError.
   */
  execute<T>(plan: CallPlan, attempt: () => Promise<T>): Promise<T> {
    const retries = plan.method === 'GET' && this.retries > 0;
    if (this.breaker.state === BreakerState.Closed) {
      // The common case, kept cheap: with the circuit closed nothing waits except the attempt,
      // which honours the signal itself, so it runs without cockatiel's retry and cancellation
      // wrappers (each made an AbortController, a timer and a DOMException per call). Only a
      // failure worth retrying goes on to the full path below, starting from that failure.
      const first = this.guarded(attempt);
      if (!retries) return first;
      return first.catch((error: unknown) => {
        // Most failures (404, 401, validation) are never retried: rethrown as they are.
        if (!(error instanceof Error) || this.retryDelay(error, () => 0) === undefined) throw error;
        return this.cancellableRun(plan, () => this.retrying(plan, attempt, error));
      });
    }
    return this.cancellableRun(plan, retries ? () => this.retrying(plan, attempt) : () => this.guarded(attempt));
  }

  private cancellableRun<T>(plan: CallPlan, run: () => Promise<T>): Promise<T> {
    if (!plan.cancellation) return run();
    // cockatiel's retry sleeps its backoff through an abort, and a half-open breaker makes calls
    // wait for the trial call; racing the whole call against the signal (an "aggressive" timeout)
    // keeps the deadline and a client's disconnect binding even then.
    return this.cancellable.execute(run, plan.cancellation.toAbortSignal());
  }

  /**
   * The retry loop. `firstFailure`, when given, is how an attempt already made (by the fast path
   * of execute()) failed: cockatiel sees it as its first attempt, so the retry count, the backoff
   * and the deadline check are the same as if the loop had made it.
   */
  private retrying<T>(plan: CallPlan, attempt: () => Promise<T>, ...firstFailure: [unknown] | []): Promise<T> {
    let replay = firstFailure.length > 0;
    const once = () => {
      if (!replay) return this.guarded(attempt);
      replay = false;
      return Promise.reject(firstFailure[0] as Error);
    };

    // cockatiel asks the filter whether to retry, then the backoff how long to wait; the delay is
    // chosen in the filter because whether to retry depends on it (does it fit the deadline?).
    let jitter: IBackoff<unknown> | undefined;
    let plannedDelay = 0;
    const policy = retry(
      handleWhen((error) => {
        const delay = this.retryDelay(error, () => (jitter = jitter ? jitter.next(undefined) : this.backoff.next()).duration);
        if (delay === undefined) return false;
        if (plan.deadlineAt !== undefined && Date.now() + delay + MIN_ATTEMPT_MS > plan.deadlineAt) return false;
        plannedDelay = delay;
        return true;
      }),
      { maxAttempts: this.retries, backoff: new DelegateBackoff(() => plannedDelay) },
    );
    return policy.execute(once, plan.cancellation?.toAbortSignal());
  }

  /** How long to wait before retrying after `error`, or undefined when it must not be retried. */
  private retryDelay(error: Error, nextBackoff: () => number): number | undefined {
    if (error instanceof UpstreamRateLimitError) {
      // The upstream said when; without a time, a retry would only add to its load.
      return error.retryAfterMs;
    }
    if (error instanceof UpstreamCircuitOpenError) return undefined;
    if (error instanceof UpstreamUnavailableError) return nextBackoff();
    if (error instanceof UpstreamHttpError && error.status !== undefined && RETRYABLE_STATUSES.has(error.status)) return nextBackoff();
    return undefined;
  }

  /** Runs `attempt` once under the circuit breaker, without retries (e.g. a readiness probe). */
  once<T>(attempt: () => Promise<T>): Promise<T> {
    return this.guarded(attempt);
  }

  private async guarded<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await this.breaker.execute(attempt);
    } catch (error) {
      if (!(error instanceof BrokenCircuitError)) throw error;
      const retryAfterMs = Math.max(1, this.openRemainingMs());
      throw new UpstreamCircuitOpenError(
        `the gateway is not calling the upstream for ${Math.ceil(retryAfterMs / 1000)} s after ${this.failureThreshold} failures in a row`,
        { retryAfterMs },
      );
    }
  }
}

/**
 * What the breaker counts: the upstream failing to answer, or answering 5xx. 4xx answers are about
 * the request, and an expired operation deadline or a client that left is about the caller.
 */
function isUpstreamFailure(error: Error): boolean {
  if (error instanceof UpstreamUnavailableError) return true;
  if (error instanceof UpstreamTimeoutError) return error.phase !== 'deadline';
  return error instanceof UpstreamHttpError && error.status !== undefined && error.status >= 500;
}
