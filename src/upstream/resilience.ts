/**
 * How upstream calls survive a flaky upstream, with cockatiel: retries of safe reads, and a circuit
 * breaker that makes calls fail fast while the upstream is down instead of piling up. The breaker
 * opens on evidence gathered per caller (./failure-evidence.ts), so one caller's failures fail
 * only that caller fast. The client (./client.ts) runs every attempt through here; nothing here
 * speaks HTTP.
 */
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState as BreakerState,
  decorrelatedJitterGenerator,
  ExponentialBackoff,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IBreaker,
} from 'cockatiel';
import { systemTimers, type Timers } from '../timers.js';
import { FailureEvidence } from './failure-evidence.js';
import {
  UpstreamAbortedError,
  UpstreamCircuitOpenError,
  UpstreamError,
  UpstreamHttpError,
  UpstreamRateLimitError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './errors.js';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface ResilienceOptions {
  /**
   * Retries of a failed GET after a network error, a 502/503/504, or a 429 whose `retryAfterMs`
   * fits the deadline. 0 turns retries off. Writes are retried only when keyed (`Idempotency-Key`).
   * @default 2
   */
  retries?: number;
  /** Scale of the first backoff delay; later ones grow exponentially, with jitter. @default 100 */
  retryBaseDelayMs?: number;
  /** Longest backoff delay between two attempts. @default 2000 */
  retryMaxDelayMs?: number;
  /**
   * Counted failures within the window, across at least `circuitBreakerMinCallers` callers, that
   * open the circuit for everyone; also one caller's failures in a row that fail that caller fast.
   * @default 10
   */
  circuitBreakerFailures?: number;
  /** Distinct failing callers needed to open the circuit; 1 lets any caller open it. @default 3 */
  circuitBreakerMinCallers?: number;
  /** How far back failures count toward opening the circuit. @default 30000 */
  circuitBreakerWindowMs?: number;
  /** What counts as a failure: `network`, `timeout`, `5xx` or single statuses such as `503`. @default ['network','timeout','5xx'] */
  circuitBreakerCounts?: readonly string[];
  /** How long an open circuit (or a caller failed fast) refuses calls before a trial call goes through. @default 10000 */
  circuitBreakerResetMs?: number;
  /** The clock the failure window reads. @default Date.now */
  now?: () => number;
  /**
   * The timers the client's retry backoffs, deadlines and waits run on (../timers.ts); tests pass
   * timers they move on by hand. @default Node's timers
   */
  timers?: Timers;
}

export const RESILIENCE_DEFAULTS = {
  retries: 2,
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 2_000,
  circuitBreakerFailures: 10,
  circuitBreakerMinCallers: 3,
  circuitBreakerWindowMs: 30_000,
  circuitBreakerCounts: ['network', 'timeout', '5xx'],
  circuitBreakerResetMs: 10_000,
} as const satisfies Required<Omit<ResilienceOptions, 'now' | 'timers'>>;

/** The words CIRCUIT_BREAKER_COUNTS may list, besides single 5xx statuses. */
export const FAILURE_KINDS = ['network', 'timeout', '5xx'] as const;

/** One logical upstream call, as the retry policy and the breaker need to see it. */
export interface CallPlan {
  /** Whether sending it again cannot do harm: a read, or a write the upstream de-duplicates (an idempotency key). */
  retryable: boolean;
  /** Who makes the call (./caller-key.ts): failures are weighed per caller. */
  caller: string;
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
  private readonly evidence: FailureEvidence;
  private readonly counted: (error: Error) => boolean;
  private readonly cancellable = timeout(MAX_TIMER_MS, TimeoutStrategy.Aggressive);
  private readonly failureThreshold: number;
  private readonly minCallers: number;
  private readonly resetMs: number;
  private readonly now: () => number;
  private readonly timers: Timers;
  private openedAt = 0;

  constructor(options: ResilienceOptions = {}) {
    this.retries = options.retries ?? RESILIENCE_DEFAULTS.retries;
    this.backoff = new ExponentialBackoff({
      generator: decorrelatedJitterGenerator,
      initialDelay: options.retryBaseDelayMs ?? RESILIENCE_DEFAULTS.retryBaseDelayMs,
      maxDelay: options.retryMaxDelayMs ?? RESILIENCE_DEFAULTS.retryMaxDelayMs,
    });
    this.failureThreshold = options.circuitBreakerFailures ?? RESILIENCE_DEFAULTS.circuitBreakerFailures;
    this.minCallers = options.circuitBreakerMinCallers ?? RESILIENCE_DEFAULTS.circuitBreakerMinCallers;
    this.resetMs = options.circuitBreakerResetMs ?? RESILIENCE_DEFAULTS.circuitBreakerResetMs;
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? systemTimers;
    this.counted = countedFailures(options.circuitBreakerCounts ?? RESILIENCE_DEFAULTS.circuitBreakerCounts);
    this.evidence = new FailureEvidence({
      failures: this.failureThreshold,
      minCallers: this.minCallers,
      windowMs: options.circuitBreakerWindowMs ?? RESILIENCE_DEFAULTS.circuitBreakerWindowMs,
      callerResetMs: this.resetMs,
      now: this.now,
    });
    // cockatiel decides when to try again and what a trial call's outcome does; whether to open
    // is asked of the per-caller evidence, which each attempt has updated before cockatiel asks.
    const evidence = this.evidence;
    const breaker: IBreaker = {
      state: null,
      success: () => undefined,
      failure: () => evidence.upstreamFailing(),
    };
    this.breaker = circuitBreaker(
      handleWhen((error) => this.counted(error)),
      { halfOpenAfter: this.resetMs, breaker },
    );
    this.breaker.onBreak(() => {
      this.openedAt = this.now();
    });
    // A trial call got through: old failures say nothing about the upstream any more.
    this.breaker.onReset(() => evidence.reset());
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
    return Math.max(0, this.openedAt + this.resetMs - this.now());
  }

  /**
   * Runs `attempt` under the circuit breaker, and retries it when the call is retryable and the
   * failure is worth retrying within the deadline. `attempt` must itself honour `plan.cancellation`.
   * When it aborts, this rejects at once with cockatiel's TaskCancelledError.
   */
  execute<T>(plan: CallPlan, attempt: () => Promise<T>): Promise<T> {
    const retries = plan.retryable && this.retries > 0;
    if (this.breaker.state === BreakerState.Closed) {
      // The common case, kept cheap: with the circuit closed nothing waits except the attempt,
      // which honours the signal itself, so it runs without cockatiel's retry and cancellation
      // wrappers (each made an AbortController, a timer and a DOMException per call). Only a
      // failure worth retrying goes on to the full path below, starting from that failure.
      const first = this.guarded(plan.caller, attempt);
      if (!retries) return first;
      return first.catch((error: unknown) => {
        // Most failures (404, 401, validation) are never retried: rethrown as they are.
        if (!(error instanceof Error) || this.retryDelay(error, () => 0) === undefined) throw error;
        return this.cancellableRun(plan, () => this.retrying(plan, attempt, error));
      });
    }
    return this.cancellableRun(plan, retries ? () => this.retrying(plan, attempt) : () => this.guarded(plan.caller, attempt));
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
    // The backoff before the next attempt. It is slept here, on this client's timers, rather than
    // by cockatiel (whose own sleep is a bare setTimeout), so tests can move time past it.
    let backoffMs = 0;
    const once = async () => {
      if (backoffMs > 0) {
        const ms = backoffMs;
        backoffMs = 0;
        await this.timers.sleep(ms);
      }
      if (!replay) return this.guarded(plan.caller, attempt);
      replay = false;
      throw firstFailure[0] as Error;
    };

    // cockatiel asks the filter whether to retry; the delay is chosen there because whether to
    // retry depends on it (does it fit the deadline?).
    let jitter: IBackoff<unknown> | undefined;
    const policy = retry(
      handleWhen((error) => {
        const delay = this.retryDelay(error, () => (jitter = jitter ? jitter.next(undefined) : this.backoff.next()).duration);
        if (delay === undefined) return false;
        if (plan.deadlineAt !== undefined && Date.now() + delay + MIN_ATTEMPT_MS > plan.deadlineAt) return false;
        backoffMs = delay;
        return true;
      }),
      { maxAttempts: this.retries },
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
  once<T>(caller: string, attempt: () => Promise<T>): Promise<T> {
    return this.guarded(caller, attempt);
  }

  /** Callers whose failures are remembered now (for tests of the memory bound). */
  get rememberedCallers(): number {
    return this.evidence.size;
  }

  private async guarded<T>(caller: string, attempt: () => Promise<T>): Promise<T> {
    const callerWait = this.evidence.callerOpenRemainingMs(caller);
    if (callerWait > 0) {
      throw new UpstreamCircuitOpenError(
        `the gateway is not calling the upstream for this caller for ${Math.ceil(callerWait / 1000)} s after ${this.failureThreshold} of its calls failed in a row`,
        { retryAfterMs: callerWait, scope: 'caller' },
      );
    }
    try {
      return await this.breaker.execute(() => this.recorded(caller, attempt));
    } catch (error) {
      if (!(error instanceof BrokenCircuitError)) throw error;
      const retryAfterMs = Math.max(1, this.openRemainingMs());
      throw new UpstreamCircuitOpenError(
        `the gateway is not calling the upstream for ${Math.ceil(retryAfterMs / 1000)} s after ${this.failureThreshold} failures across ${this.minCallers} or more callers`,
        { retryAfterMs, scope: 'upstream' },
      );
    }
  }

  /** Runs one attempt and tells the evidence how it went for this caller. */
  private async recorded<T>(caller: string, attempt: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      if (error instanceof Error && this.counted(error)) this.evidence.recordFailure(caller);
      // A cancelled call or an expired deadline says nothing about the upstream; any answer
      // (a 404, a 401) shows it working for this caller.
      else if (!saysNothing(error)) this.evidence.recordSuccess(caller);
      throw error;
    }
    this.evidence.recordSuccess(caller);
    return result;
  }
}

/** Failures that are about the caller, not the upstream: it left, or its operation ran out of time. */
function saysNothing(error: unknown): boolean {
  if (error instanceof UpstreamTimeoutError) return error.phase === 'deadline';
  return error instanceof UpstreamAbortedError || !(error instanceof UpstreamError);
}

/**
 * What the breaker counts, from CIRCUIT_BREAKER_COUNTS: the upstream failing to answer (`network`),
 * answering too late (`timeout`), or answering 5xx (`5xx`, or single statuses). 4xx answers are
 * about the request, and an expired operation deadline or a client that left is about the caller.
 */
export function countedFailures(kinds: readonly string[]): (error: Error) => boolean {
  const network = kinds.includes('network');
  const timeouts = kinds.includes('timeout');
  const all5xx = kinds.includes('5xx');
  const statuses = new Set(kinds.filter((kind) => /^5\d\d$/.test(kind)).map(Number));
  return (error) => {
    if (error instanceof UpstreamCircuitOpenError) return false;
    if (error instanceof UpstreamTimeoutError) return timeouts && error.phase !== 'deadline';
    if (error instanceof UpstreamUnavailableError) return network;
    if (error instanceof UpstreamHttpError && error.status !== undefined && error.status >= 500) {
      return all5xx || statuses.has(error.status);
    }
    return false;
  };
}
