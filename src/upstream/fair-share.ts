/**
 * How many upstream calls may be in flight at once: per operation (so one `nodes` request cannot
 * take every socket at once) and per caller (so one caller's slow or hanging calls cannot hold the
 * whole pool while other callers wait behind them in its queue). Both are FIFO slots; a call that
 * finds no free slot waits for one, the caller's own slot only briefly.
 *
 * Hand-written rather than cockatiel's bulkhead: that one keeps a cancelled or timed-out waiter in
 * its queue until a slot frees, and here a waiter must leave at its deadline.
 */
import { systemTimers, type TimerHandle, type Timers } from '../timers.js';
import type { OperationCancellation } from './cancellation.js';

/** What can end a wait early: the operation's cancellation (client gone, deadline passed). */
export type WaitCancel = Pick<OperationCancellation, 'aborted' | 'reason' | 'once' | 'off'>;

interface Waiter {
  grant(): void;
}

/** A FIFO counting semaphore. */
export class Slots {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly limit: number,
    /** What times a wait with `waitMs` (../timers.ts). @default Node's timers */
    private readonly timers: Timers = systemTimers,
  ) {}

  /** No call holds or waits for a slot. */
  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }

  get waiters(): number {
    return this.waiting.length;
  }

  /** Takes a slot if one is free, without waiting. */
  tryAcquire(): boolean {
    if (this.active >= this.limit || this.waiting.length > 0) return false;
    this.active++;
    return true;
  }

  /**
   * Waits for a slot. Rejects with the cancellation's reason when it fires first, and with
   * `onTimeout()` after `waitMs` (when given).
   */
  acquire(cancel: WaitCancel | undefined, waitMs?: number, onTimeout?: () => Error): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    if (cancel?.aborted) return Promise.reject(cancel.reason ?? new Error('cancelled'));
    return new Promise<void>((resolve, reject) => {
      let timer: TimerHandle | undefined;
      const leave = (error: Error) => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        done();
        reject(error);
      };
      const onAbort = () => leave(cancel?.reason ?? new Error('cancelled'));
      const done = () => {
        if (timer !== undefined) this.timers.clearTimeout(timer);
        cancel?.off('abort', onAbort);
      };
      const waiter: Waiter = {
        grant: () => {
          done();
          resolve();
        },
      };
      this.waiting.push(waiter);
      cancel?.once('abort', onAbort);
      if (waitMs !== undefined) timer = this.timers.setTimeout(() => leave(onTimeout?.() ?? new Error('no slot in time')), waitMs);
    });
  }

  /** Gives the slot back: to the first waiter, or to the pool. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.active--;
  }
}

/**
 * Slots per caller, created when a caller's first call starts and dropped when its last one ends,
 * so memory follows the callers with calls in flight, never the callers ever seen.
 */
export class CallerSlots {
  private readonly byCaller = new Map<string, Slots>();

  constructor(
    /** Calls one caller may have in flight. */
    readonly limit: number,
    /** How long a call past the limit waits for one of its caller's calls to end. */
    readonly waitMs: number,
    /** What times that wait (../timers.ts). @default Node's timers */
    private readonly timers: Timers = systemTimers,
  ) {}

  /** Waits for a slot of `caller` (see Slots.acquire); returns the function that gives it back. */
  async acquire(caller: string, cancel: WaitCancel | undefined, onTimeout: () => Error): Promise<() => void> {
    let slots = this.byCaller.get(caller);
    if (!slots) {
      slots = new Slots(this.limit, this.timers);
      this.byCaller.set(caller, slots);
    }
    const owned = slots;
    try {
      await owned.acquire(cancel, this.waitMs, onTimeout);
    } catch (error) {
      this.dropIfIdle(caller, owned);
      throw error;
    }
    return () => {
      owned.release();
      this.dropIfIdle(caller, owned);
    };
  }

  /** Callers with calls in flight or waiting (for tests of the memory bound). */
  get size(): number {
    return this.byCaller.size;
  }

  private dropIfIdle(caller: string, slots: Slots): void {
    if (slots.idle && this.byCaller.get(caller) === slots) this.byCaller.delete(caller);
  }
}
