/**
 * One measured load run: autocannon against one target while /proc tells what each process spent.
 * Latencies are taken from autocannon's per-response event (sub-millisecond), not its histogram,
 * which rounds to whole milliseconds, too coarse for loopback.
 */
import autocannon from 'autocannon';
import { cpuTimeMs, machineCpu, RssSampler } from './proc.js';
import type { ScenarioPlan } from './scenarios.js';

export interface LoadOptions {
  /** Origin of the target, e.g. `http://127.0.0.1:1234`. */
  origin: string;
  plan: ScenarioPlan;
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** The process the target is (proxy, gateway, yoga; the upstream itself for direct). */
  serverPid: number;
  /** The demo upstream's pid (measured separately; equal to serverPid for direct). */
  upstreamPid: number;
  /** Reads the demo upstream's count of API requests received. */
  upstreamCount: () => Promise<number>;
}

export interface LoadResult {
  operations: number;
  httpResponses: number;
  elapsedSec: number;
  opsPerSec: number;
  /** Latency of one HTTP request (for the REST `nodes` equivalent, of one of its 10 GETs). */
  p50Ms: number;
  p99Ms: number;
  serverCpuMsPerOp: number;
  upstreamCpuMsPerOp: number;
  /** The load generator (this process). */
  loadgenCpuMsPerOp: number;
  /** CPU used by processes that are not part of the benchmark during the run, in cores. */
  foreignCores: number;
  serverPeakRssBytes: number;
  upstreamPeakRssBytes: number;
  /** Upstream API requests received during the run ÷ operations (in-flight requests at the end blur it slightly). */
  upstreamCallsPerOp: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
}

function autocannonOptions(options: LoadOptions, durationSec: number): autocannon.Options {
  const hasIds = options.plan.requests.some((request) => request.body?.includes('[<id>]'));
  return {
    url: options.origin,
    connections: options.connections,
    duration: durationSec,
    timeout: 10,
    idReplacement: hasIds,
    requests: options.plan.requests.map((request) => ({
      method: request.method,
      path: request.path,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    })),
    verifyBody: (body) => options.plan.quickCheck(typeof body === 'string' ? body : String(body ?? '')),
  };
}

function run(opts: autocannon.Options, onResponse?: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (error: unknown, result: autocannon.Result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

/** The q-quantile (0–1) of an ascending array. */
export function quantile(sorted: Float64Array | number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

export async function measure(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSec > 0) {
    const warm = await run(autocannonOptions(options, options.warmupSec));
    if (warm.non2xx || warm.mismatches || warm.errors) {
      throw new Error(`warm-up failed: ${warm.non2xx} non-2xx, ${warm.mismatches} wrong bodies, ${warm.errors} errors`);
    }
  }

  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const record = (_status: number, ms: number) => {
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = ms;
  };

  const pids = [...new Set([options.serverPid, options.upstreamPid])];
  const serverCpu0 = cpuTimeMs(options.serverPid);
  const upstreamCpu0 = cpuTimeMs(options.upstreamPid);
  const self0 = process.cpuUsage();
  const machine0 = machineCpu();
  const upstream0 = await options.upstreamCount();
  const sampler = new RssSampler(pids).start();
  const started = process.hrtime.bigint();

  const result = await run(autocannonOptions(options, options.durationSec), record);

  const elapsedSec = Number(process.hrtime.bigint() - started) / 1e9;
  const peaks = sampler.stop();
  const upstream1 = await options.upstreamCount();
  const machine1 = machineCpu();
  const self = process.cpuUsage(self0);
  const serverCpu = cpuTimeMs(options.serverPid) - serverCpu0;
  const upstreamCpu = cpuTimeMs(options.upstreamPid) - upstreamCpu0;

  const sorted = latencies.subarray(0, count).sort();
  const operations = count / options.plan.requestsPerOperation;
  const loadgenCpu = (self.user + self.system) / 1000;
  const ours = (options.serverPid === options.upstreamPid ? serverCpu : serverCpu + upstreamCpu) + loadgenCpu;
  const machineBusy = machine1.busyMs - machine0.busyMs;
  return {
    operations,
    httpResponses: count,
    elapsedSec,
    opsPerSec: operations / elapsedSec,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    serverCpuMsPerOp: serverCpu / operations,
    upstreamCpuMsPerOp: upstreamCpu / operations,
    loadgenCpuMsPerOp: loadgenCpu / operations,
    foreignCores: Math.max(0, machineBusy - ours) / (elapsedSec * 1000),
    serverPeakRssBytes: peaks.get(options.serverPid) ?? Number.NaN,
    upstreamPeakRssBytes: peaks.get(options.upstreamPid) ?? Number.NaN,
    upstreamCallsPerOp: (upstream1 - upstream0) / operations,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
  };
}
