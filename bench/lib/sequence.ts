/**
 * The end-to-end latency of one operation as a client makes it, one operation at a time: each wave
 * of requests concurrently, the next wave once the previous one has answered (ScenarioPlan.sequence).
 * Against the gateway a wave is one POST; against the REST API it is what a frontend would send
 * itself. Nothing else is in flight, so the figures are the shape of the calls, not queueing.
 */
import { Agent, request } from 'undici';
import { quantile } from './load.js';
import type { HttpRequestSpec } from './scenarios.js';

export interface SequenceLatency {
  operations: number;
  p50Ms: number;
  p99Ms: number;
}

export async function sequenceLatency(
  origin: string,
  waves: readonly (readonly HttpRequestSpec[])[],
  options: { operations: number; warmup: number },
): Promise<SequenceLatency> {
  // Keep-alive connections, enough for the widest wave, as a browser's HTTP/1.1 pool would hold.
  const agent = new Agent({ connections: Math.max(...waves.map((wave) => wave.length)) });
  const samples: number[] = [];
  try {
    for (let op = 0; op < options.warmup + options.operations; op++) {
      const started = performance.now();
      for (const wave of waves) {
        await Promise.all(
          wave.map(async (spec) => {
            const response = await request(`${origin}${spec.path}`, {
              method: spec.method,
              headers: spec.headers,
              dispatcher: agent,
              ...(spec.body === undefined ? {} : { body: spec.body }),
            });
            const text = await response.body.text();
            if (response.statusCode !== 200)
              throw new Error(`${spec.method} ${spec.path}: HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
          }),
        );
      }
      if (op >= options.warmup) samples.push(performance.now() - started);
    }
  } finally {
    await agent.close();
  }
  samples.sort((a, b) => a - b);
  return { operations: samples.length, p50Ms: quantile(samples, 0.5), p99Ms: quantile(samples, 0.99) };
}
