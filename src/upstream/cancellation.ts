/**
 * When one GraphQL operation's upstream calls must stop: the client went away, or the operation
 * deadline passed. One per operation, shared by all its calls, and handed to undici as the calls'
 * `signal` (undici's request() takes an EventEmitter with `aborted` and `reason` as well as an
 * AbortSignal).
 *
 * Not an AbortController per operation plus one per call, as before. On Node 20 each AbortSignal is
 * an EventTarget, and making one was 2.4 % of a list operation's CPU time. Worse, signals with
 * listeners showed up among the objects V8 promoted to its old generation, where they outlive
 * their request until the next full GC. An AbortSignal is still made, on demand, for the rare path
 * that needs one: cockatiel's retry and cancellation wrappers (./resilience.ts).
 */
import { EventEmitter } from 'node:events';
import { systemTimers, type TimerHandle, type Timers } from '../timers.js';

export class OperationCancellation extends EventEmitter {
  aborted = false;
  reason: Error | undefined;
  private callsInFlight = 0;
  private timer: TimerHandle | undefined;
  private linked = false;
  private signal: AbortSignal | undefined;

  constructor(
    /** Epoch ms by which the operation must be over; undefined: no deadline. */
    readonly deadlineAt: number | undefined,
    /**
     * Connects the client's disconnect to `abort`, called at the first upstream call (operations
     * that never reach the upstream pay nothing). It must call `abort` at once when the client has
     * already gone.
     */
    private readonly linkClient?: (abort: () => void) => void,
    /** What times the deadline (../timers.ts). @default Node's timers */
    private readonly timers: Timers = systemTimers,
  ) {
    super();
    // One listener per call in flight, and `nodes` makes up to 100 calls at once.
    this.setMaxListeners(0);
  }

  abort(reason: Error): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.disarm();
    this.emit('abort');
  }

  /**
   * An upstream call starts. The deadline is timed only while calls are in flight, by one timer
   * for all of them, so an operation that ends before its deadline leaves no timer behind.
   */
  callStarted(): void {
    if (!this.linked) {
      this.linked = true;
      this.linkClient?.(() => this.abort(new DOMException('the client closed the connection', 'AbortError')));
    }
    this.callsInFlight++;
    if (this.aborted || this.timer !== undefined || this.deadlineAt === undefined) return;
    const remaining = this.deadlineAt - Date.now();
    if (remaining <= 0) this.expire();
    else this.timer = this.timers.setTimeout(() => this.expire(), remaining);
  }

  callEnded(): void {
    this.callsInFlight--;
    if (this.callsInFlight === 0) this.disarm();
  }

  /** The same cancellation as an AbortSignal, made once, for code that needs a real one. */
  toAbortSignal(): AbortSignal {
    if (!this.signal) {
      const controller = new AbortController();
      this.signal = controller.signal;
      if (this.aborted) controller.abort(this.reason);
      else this.once('abort', () => controller.abort(this.reason));
    }
    return this.signal;
  }

  private expire(): void {
    this.abort(new DOMException('the operation deadline has passed', 'TimeoutError'));
  }

  private disarm(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
