import { describe, expect, it } from 'vitest';
import { summarize, tenantVerdict, type CallSample } from '../bench/lib/tenant-stats.js';

const ok = (latencyMs: number): CallSample => ({ latencyMs, code: 'OK', status: '200' });
const failed = (latencyMs: number, code = 'UPSTREAM_UNAVAILABLE'): CallSample => ({ latencyMs, code, status: '200' });
const many = (count: number, make: (i: number) => CallSample) => Array.from({ length: count }, (_, i) => make(i));

describe('the two-tenant soak figures', () => {
  it('counts success, codes and statuses per request, and takes latency over failed requests too', () => {
    const summary = summarize([ok(10), ok(20), failed(1), { latencyMs: 900, code: 'TRANSPORT UND_ERR_SOCKET', status: 'none' }]);
    expect(summary.requests).toBe(4);
    expect(summary.successRate).toBe(0.5);
    expect(summary.latencyMs).toEqual({ p50: 10, p99: 900, max: 900 });
    expect(summary.byCode).toEqual({ OK: 2, UPSTREAM_UNAVAILABLE: 1, 'TRANSPORT UND_ERR_SOCKET': 1 });
    expect(summary.byStatus).toEqual({ '200': 3, none: 1 });
  });
});

describe('the two-tenant verdict', () => {
  const alone = summarize(many(1000, (i) => ok(5 + (i % 10))));

  it('passes when the well-behaved caller is served beside the abuser as it was alone', () => {
    expect(tenantVerdict(alone, summarize(many(1000, (i) => ok(6 + (i % 10)))))).toEqual({ pass: true, p99LimitMs: 1000, reasons: [] });
  });

  it('fails when more than 1 % of the requests beside the abuser fail, however fast', () => {
    const beside = summarize(many(1000, (i) => (i < 20 ? failed(1) : ok(6))));
    const verdict = tenantVerdict(alone, beside);
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons).toEqual(['success rate beside the abuser 98.00% < 99.00%']);
  });

  it('allows at least 1 s of p99 beside the abuser when the caller was fast alone', () => {
    const beside = summarize(many(1000, (i) => ok(i < 20 ? 950 : 6)));
    expect(tenantVerdict(alone, beside).pass).toBe(true);
  });

  it('allows 3 × the p99 alone when that is above 1 s, and no more', () => {
    const slowAlone = summarize(many(1000, (i) => ok(i < 20 ? 500 : 50)));
    expect(tenantVerdict(slowAlone, summarize(many(1000, (i) => ok(i < 20 ? 1400 : 50)))).pass).toBe(true);
    const verdict = tenantVerdict(slowAlone, summarize(many(1000, (i) => ok(i < 20 ? 1600 : 50))));
    expect(verdict.p99LimitMs).toBe(1500);
    expect(verdict.reasons).toEqual(['p99 beside the abuser 1600.0 ms > 1500.0 ms (the larger of 1000 ms and 3 × 500.0 ms alone)']);
  });

  it('fails when the well-behaved caller sent nothing beside the abuser', () => {
    expect(tenantVerdict(alone, summarize([])).reasons).toEqual(['the well-behaved caller sent no requests beside the abuser']);
  });
});
