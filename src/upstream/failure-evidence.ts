/**
 * Who is failing: the evidence the circuit breaker (./resilience.ts) opens on, kept per caller.
 *
 * The gateway forwards each caller's own token, and an upstream can fail for one token only (a
 * tenant whose data trips a bug, a caller whose requests hang). Counting every failure alike let
 * one caller open the breaker for everyone. Here the upstream counts as failing only when callers
 * whose latest calls failed are several (`minCallers`), their failures in the window add up to
 * `failures` (each caller's share capped, so that one caller can never make up the count alone),
 * and they are not outnumbered by callers the upstream served well in the window.
 * A caller's streak of failures also fails that caller fast on its own (`callerOpenRemainingMs`),
 * which is what a single-tenant deployment sees in an outage, after as many failures as before.
 *
 * Callers are told apart by a key derived from their credential (./caller-key.ts), never the
 * credential itself, and at most `maxCallers` are remembered (least recently seen dropped first).
 */
import { LRUCache } from 'lru-cache';

export interface FailureEvidenceOptions {
  /** Failures in the window, across callers, that open the circuit; also one caller's streak that fails that caller fast. */
  failures: number;
  /** Distinct callers whose latest calls failed needed before the circuit opens. */
  minCallers: number;
  /** How far back failures count. */
  windowMs: number;
  /** How long a caller whose own streak reached `failures` is failed fast. */
  callerResetMs: number;
  /** Callers remembered at once. @default 10000 */
  maxCallers?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

interface CallerRecord {
  /** When each failure of the current streak happened, oldest first; at most `failures` kept. */
  failedAt: number[];
  /** Until when this caller's calls are failed fast; 0 when they are not. */
  openUntil: number;
  /** When the upstream last answered this caller well; 0 never. */
  succeededAt: number;
}

export class FailureEvidence {
  private readonly callers: LRUCache<string, CallerRecord>;
  /** Callers whose latest call failed: the only ones that can count toward opening. */
  private readonly failing = new Set<string>();
  private readonly failures: number;
  private readonly minCallers: number;
  private readonly windowMs: number;
  private readonly callerResetMs: number;
  private readonly shareCap: number;
  private readonly now: () => number;

  constructor(options: FailureEvidenceOptions) {
    this.failures = options.failures;
    this.minCallers = options.minCallers;
    this.windowMs = options.windowMs;
    this.callerResetMs = options.callerResetMs;
    // With 10 failures from at least 3 callers, one caller counts for at most 4 of them.
    this.shareCap = Math.ceil(options.failures / options.minCallers);
    this.now = options.now ?? (() => Date.now());
    this.callers = new LRUCache({
      max: options.maxCallers ?? 10_000,
      dispose: (_record, key) => this.failing.delete(key),
    });
  }

  /** The upstream answered this caller's call (any status the breaker does not count): its streak ends. */
  recordSuccess(caller: string): void {
    const now = this.now();
    const record = this.callers.get(caller);
    if (!record) {
      this.callers.set(caller, { failedAt: [], openUntil: 0, succeededAt: now });
      return;
    }
    record.succeededAt = now;
    if (record.failedAt.length === 0) return;
    record.failedAt.length = 0;
    record.openUntil = 0;
    this.failing.delete(caller);
  }

  /** One of this caller's calls failed in a way the breaker counts. */
  recordFailure(caller: string): void {
    const now = this.now();
    let record = this.callers.get(caller);
    if (!record) {
      record = { failedAt: [], openUntil: 0, succeededAt: 0 };
      this.callers.set(caller, record);
    }
    record.failedAt.push(now);
    if (record.failedAt.length > this.failures) record.failedAt.shift();
    this.failing.add(caller);
    if (this.recent(record.failedAt, now) >= this.failures) record.openUntil = now + this.callerResetMs;
  }

  /** Whether the failures now in the window show the upstream as a whole failing. */
  upstreamFailing(): boolean {
    const now = this.now();
    let callers = 0;
    let counted = 0;
    for (const caller of this.failing) {
      const recent = this.recent(this.callers.peek(caller)?.failedAt ?? [], now);
      if (recent === 0) continue;
      callers++;
      counted += Math.min(recent, this.shareCap);
      if (callers >= this.minCallers && counted >= this.failures) return !this.outnumberedByServed(callers, now);
    }
    return false;
  }

  /**
   * Whether more callers were served well in the window than are failing now: then the failures
   * are about those callers, not the upstream. Walks every remembered caller, but only once the
   * other conditions hold, and each failing caller is held back after its own streak.
   */
  private outnumberedByServed(failingCallers: number, now: number): boolean {
    let served = 0;
    for (const record of this.callers.values()) {
      if (record.failedAt.length === 0 && now - record.succeededAt < this.windowMs && ++served > failingCallers) return true;
    }
    return false;
  }

  /** Time left before this caller's calls go to the upstream again; 0 when they do now. */
  callerOpenRemainingMs(caller: string): number {
    const record = this.callers.peek(caller);
    if (!record || record.openUntil === 0) return 0;
    return Math.max(0, record.openUntil - this.now());
  }

  /** Forgets every failure, e.g. once a trial call has closed the circuit again. */
  reset(): void {
    this.callers.clear();
    this.failing.clear();
  }

  /** Callers remembered now (for tests of the memory bound). */
  get size(): number {
    return this.callers.size;
  }

  private recent(failedAt: readonly number[], now: number): number {
    let count = 0;
    for (let index = failedAt.length - 1; index >= 0 && now - failedAt[index]! < this.windowMs; index--) count++;
    return count;
  }
}
