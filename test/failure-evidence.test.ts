/**
 * The per-caller evidence the circuit breaker opens on, and the per-caller slots, on an injected
 * clock: the window, the share one caller may contribute, and the memory bounds.
 */
import { describe, expect, it } from 'vitest';
import { callerKey } from '../src/upstream/caller-key.js';
import { FailureEvidence } from '../src/upstream/failure-evidence.js';
import { CallerSlots, Slots } from '../src/upstream/fair-share.js';
import { UpstreamThrottledError } from '../src/upstream/errors.js';

function evidence(now: { t: number }, overrides: Partial<ConstructorParameters<typeof FailureEvidence>[0]> = {}) {
  return new FailureEvidence({ failures: 10, minCallers: 3, windowMs: 30_000, callerResetMs: 10_000, now: () => now.t, ...overrides });
}

describe('FailureEvidence', () => {
  it('never counts the upstream as failing on one caller’s failures, however many', () => {
    const clock = { t: 0 };
    const subject = evidence(clock);
    for (let i = 0; i < 1_000; i += 1) subject.recordFailure('a');
    expect(subject.upstreamFailing()).toBe(false);
    expect(subject.callerOpenRemainingMs('a')).toBe(10_000);
    expect(subject.callerOpenRemainingMs('b')).toBe(0);
  });

  it('caps each caller’s share: two callers cannot open it, three can with 10 failures', () => {
    const clock = { t: 0 };
    const subject = evidence(clock);
    for (let i = 0; i < 50; i += 1) subject.recordFailure('a');
    for (let i = 0; i < 50; i += 1) subject.recordFailure('b');
    expect(subject.upstreamFailing()).toBe(false);
    subject.recordFailure('c');
    expect(subject.upstreamFailing()).toBe(false);
    subject.recordFailure('c');
    expect(subject.upstreamFailing()).toBe(true);
  });

  it('forgets failures older than the window', () => {
    const clock = { t: 0 };
    const subject = evidence(clock);
    for (const caller of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) subject.recordFailure(caller);
    clock.t = 30_001;
    subject.recordFailure('j');
    expect(subject.upstreamFailing()).toBe(false);
  });

  it('ends a caller’s streak (and its hold) when the upstream answers it', () => {
    const clock = { t: 0 };
    const subject = evidence(clock);
    for (let i = 0; i < 10; i += 1) subject.recordFailure('a');
    expect(subject.callerOpenRemainingMs('a')).toBeGreaterThan(0);
    subject.recordSuccess('a');
    expect(subject.callerOpenRemainingMs('a')).toBe(0);
  });

  it('does not open while callers served well outnumber the failing ones', () => {
    const clock = { t: 0 };
    const subject = evidence(clock);
    for (const caller of ['ok1', 'ok2', 'ok3', 'ok4']) subject.recordSuccess(caller);
    for (let i = 0; i < 4; i += 1) for (const caller of ['a', 'b', 'c']) subject.recordFailure(caller);
    expect(subject.upstreamFailing()).toBe(false);
    clock.t = 30_001;
    for (const caller of ['a', 'b', 'c', 'a']) subject.recordFailure(caller);
    // The served callers' answers are out of the window now; so are the older failures.
    expect(subject.upstreamFailing()).toBe(false);
    for (let i = 0; i < 3; i += 1) for (const caller of ['a', 'b', 'c']) subject.recordFailure(caller);
    expect(subject.upstreamFailing()).toBe(true);
  });

  it('remembers at most maxCallers callers', () => {
    const clock = { t: 0 };
    const subject = evidence(clock, { maxCallers: 100 });
    for (let i = 0; i < 10_000; i += 1) subject.recordFailure(`caller-${i}`);
    expect(subject.size).toBe(100);
  });
});

describe('CallerSlots', () => {
  it('lets a caller past its limit wait, then fails it; drops callers with nothing in flight', async () => {
    const slots = new CallerSlots(2, 20);
    const throttled = () => new UpstreamThrottledError('throttled', { retryAfterMs: 20, limit: 2 });
    const first = await slots.acquire('a', undefined, throttled);
    const second = await slots.acquire('a', undefined, throttled);
    const other = await slots.acquire('b', undefined, throttled);
    await expect(slots.acquire('a', undefined, throttled)).rejects.toBeInstanceOf(UpstreamThrottledError);
    const waiting = slots.acquire('a', undefined, throttled);
    first();
    const third = await waiting;
    expect(slots.size).toBe(2);
    second();
    third();
    other();
    expect(slots.size).toBe(0);
  });

  it('lets a cancelled waiter leave the queue at once', async () => {
    const slots = new Slots(1);
    expect(slots.tryAcquire()).toBe(true);
    const { OperationCancellation } = await import('../src/upstream/cancellation.js');
    const cancellation = new OperationCancellation(undefined);
    const waiting = slots.acquire(cancellation);
    expect(slots.waiters).toBe(1);
    cancellation.abort(new Error('client gone'));
    await expect(waiting).rejects.toThrow('client gone');
    expect(slots.waiters).toBe(0);
    slots.release();
    expect(slots.idle).toBe(true);
  });
});

describe('callerKey', () => {
  it('is stable per credential, distinct across credentials, and does not contain the credential', () => {
    const key = callerKey('Bearer secret-token-123');
    expect(callerKey('Bearer secret-token-123')).toBe(key);
    expect(callerKey('Bearer secret-token-124')).not.toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain('secret');
  });
});
