/**
 * Before a target is loaded, a few operations are sent one at a time and checked in full (status,
 * parsed body, no GraphQL errors), and the upstream's request counter gives the exact number of
 * upstream calls per operation — with nothing else in flight, nothing blurs it.
 */
import { randomUUID } from 'node:crypto';
import type { ScenarioPlan } from './scenarios.js';

export interface SampleCheck {
  /** Exact upstream API requests per operation over the sample. */
  upstreamCallsPerOp: number;
  /** First problem found, if any. */
  problem: string | undefined;
}

export async function sampleCheck(
  origin: string,
  plan: ScenarioPlan,
  upstreamCount: () => Promise<number>,
  operations = 5,
): Promise<SampleCheck> {
  const before = await upstreamCount();
  for (let op = 0; op < operations; op++) {
    for (const request of plan.requests) {
      const body = request.body?.replaceAll('[<id>]', randomUUID().slice(0, 12));
      const response = await fetch(`${origin}${request.path}`, {
        method: request.method,
        headers: request.headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { upstreamCallsPerOp: Number.NaN, problem: `HTTP ${response.status}, body is not JSON: ${text.slice(0, 200)}` };
      }
      const problem =
        plan.fullCheck(response.status, parsed) ?? (plan.quickCheck(text) ? undefined : `unexpected body: ${text.slice(0, 300)}`);
      if (problem) return { upstreamCallsPerOp: Number.NaN, problem };
    }
  }
  const after = await upstreamCount();
  return { upstreamCallsPerOp: (after - before) / operations, problem: undefined };
}
