/**
 * Time that moves only when a test moves it, for tests of deadlines, backoffs and waits. The test
 * freezes Date (`vi.useFakeTimers({ toFake: ['Date'] })`, nothing else: undici's sockets and
 * timeouts, Node's own timers and the demo upstream keep real time) and gives these timers to the
 * gateway's client as `timers` (src/timers.ts). They fire only as advance() moves Date past them,
 * so a test can say "the answer came when the deadline passed, not before" without a stopwatch.
 * A backoff the gateway sleeps passes at once: the clock jumps to its end (one sleeper at a time).
 */
import { vi } from 'vitest';
import type { TimerHandle, Timers } from '../../src/timers.js';

interface Pending {
  at: number;
  callback: () => void;
}

export class ManualTimers implements Timers {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** The backoffs the gateway slept, in ms, oldest first. */
  readonly slept: number[] = [];

  constructor() {
    if (!vi.isFakeTimers()) throw new Error('ManualTimers move a faked Date: call vi.useFakeTimers({ toFake: ["Date"] }) first');
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.pending.set(id, { at: Date.now() + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending.delete(handle as number);
  }

  async sleep(ms: number): Promise<void> {
    this.slept.push(ms);
    await this.advance(ms);
  }

  /** The timers waiting to fire, as ms from now, soonest first. */
  waiting(): number[] {
    const now = Date.now();
    return [...this.pending.values()].map((timer) => timer.at - now).sort((a, b) => a - b);
  }

  /** Moves the clock on by `ms`, firing each timer that comes due at its own time, soonest first. */
  advance(ms: number): Promise<void> {
    return this.advanceTo(Date.now() + ms);
  }

  /** Moves the clock on to `until` (epoch ms), as advance() does. */
  async advanceTo(until: number): Promise<void> {
    for (;;) {
      let next: [number, Pending] | undefined;
      for (const entry of this.pending) if (entry[1].at <= until && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      const [id, timer] = next;
      this.pending.delete(id);
      vi.setSystemTime(Math.max(Date.now(), timer.at));
      timer.callback();
      // What the timer set off (an abort, a wait given up) runs before the next one fires.
      await new Promise((resolve) => setImmediate(resolve));
    }
    vi.setSystemTime(Math.max(Date.now(), until));
  }
}
