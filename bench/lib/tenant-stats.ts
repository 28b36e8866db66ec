/**
 * Figures and verdict of `npm run soak -- --tenants`: what one caller saw in one phase, and whether
 * the well-behaved caller was served as well beside the abuser as alone.
 */
import { quantile } from './load.js';

/** One answered (or failed) request as the client saw it. */
export interface CallSample {
  latencyMs: number;
  /** `OK` for a correct answer without errors; else the first error's `extensions.code`, `WRONG_DATA`, `NOT_JSON` or `TRANSPORT <reason>`. */
  code: string;
  /** The HTTP status, or `none` when no response arrived. */
  status: string;
}

export interface CallerSummary {
  requests: number;
  ok: number;
  /** ok ÷ requests, from 0 to 1; NaN without requests. */
  successRate: number;
  /** Over every request, failed ones included (a fast error is still not service). */
  latencyMs: { p50: number; p99: number; max: number };
  byCode: Record<string, number>;
  byStatus: Record<string, number>;
}

const tally = (keys: readonly string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
};

export function summarize(samples: readonly CallSample[]): CallerSummary {
  const sorted = Float64Array.from(samples, (sample) => sample.latencyMs).sort();
  const ok = samples.filter((sample) => sample.code === 'OK').length;
  return {
    requests: samples.length,
    ok,
    successRate: samples.length === 0 ? Number.NaN : ok / samples.length,
    latencyMs: { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: quantile(sorted, 1) },
    byCode: tally(samples.map((sample) => sample.code)),
    byStatus: tally(samples.map((sample) => sample.status)),
  };
}

export interface VerdictThresholds {
  /** Lowest success rate allowed beside the abuser. @default 0.99 */
  minSuccessRate: number;
  /** The p99 allowed beside the abuser is the larger of this and `p99Factor` × the p99 alone. @default 1000 */
  p99FloorMs: number;
  /** @default 3 */
  p99Factor: number;
}

export const DEFAULT_THRESHOLDS: VerdictThresholds = { minSuccessRate: 0.99, p99FloorMs: 1000, p99Factor: 3 };

export interface Verdict {
  pass: boolean;
  p99LimitMs: number;
  /** Why it failed; empty when it passed. */
  reasons: string[];
}

/**
 * The well-behaved caller must keep its success rate and stay near its own latency when the abuser
 * joins. The floor keeps a very fast phase 1 (a few ms on loopback) from making normal jitter fail.
 */
export function tenantVerdict(
  alone: CallerSummary,
  besideAbuser: CallerSummary,
  thresholds: VerdictThresholds = DEFAULT_THRESHOLDS,
): Verdict {
  const p99LimitMs = Math.max(thresholds.p99FloorMs, thresholds.p99Factor * alone.latencyMs.p99);
  const reasons: string[] = [];
  if (besideAbuser.requests === 0) {
    reasons.push('the well-behaved caller sent no requests beside the abuser');
  } else {
    if (!(besideAbuser.successRate >= thresholds.minSuccessRate)) {
      reasons.push(`success rate beside the abuser ${percent(besideAbuser.successRate)} < ${percent(thresholds.minSuccessRate)}`);
    }
    if (!(besideAbuser.latencyMs.p99 <= p99LimitMs)) {
      reasons.push(
        `p99 beside the abuser ${besideAbuser.latencyMs.p99.toFixed(1)} ms > ${p99LimitMs.toFixed(1)} ms ` +
          `(the larger of ${thresholds.p99FloorMs} ms and ${thresholds.p99Factor} × ${alone.latencyMs.p99.toFixed(1)} ms alone)`,
      );
    }
  }
  return { pass: reasons.length === 0, p99LimitMs, reasons };
}

export const percent = (rate: number) => (Number.isFinite(rate) ? `${(rate * 100).toFixed(2)}%` : '–');
