/**
 * `npm run soak`: a bounded soak of the gateway in front of the demo upstream, with upstream faults.
 *
 * Sends a fixed number of requests (default 100 000; also bounded in time) over loopback, a mix of
 * list pages, reads by id, `nodes`, creates and updates plus a few requests that must fail in a
 * documented way, and injects one upstream fault every N requests through the demo's HTTP control
 * (`POST /__demo/faults`): 429, 500, 503, delays, a delay past the headers timeout, truncated and
 * off-contract bodies, connection resets, slow bodies. Every response is classified by
 * `extensions.code`. Unexpected: a transport failure, an HTTP 5xx, INTERNAL_SERVER_ERROR, a code
 * neither the operation nor an injected fault explains, more fault codes than faults injected, or
 * a success with wrong data. The gateway's memory (RSS from /proc, heap after a forced GC through
 * bench/heap-probe.ts) is taken at start, quarter points and end.
 *
 * Exit status: 0 clean; 1 unexpected errors (or the gateway did not exit 0 on SIGTERM); 2 memory growth.
 *
 * With `--tenants` it runs the two-tenant soak instead (./soak-tenants.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'undici';
import { mulberry32 } from '../src/dialects/basedash/demo/seed.js';
import type { MemoryReport } from './heap-probe.js';
import { quantile } from './lib/load.js';
import { choiceOption, flagOption, helpText, numberOption, wantsHelp, type OptionSpec } from './lib/options.js';
import { ROOT, RUNNERS, type Runner } from './lib/processes.js';
import { memoryStatus } from './lib/proc.js';
import { fmt, mb, table } from './lib/report.js';
import { GRAPHQL_HEADERS, LIST_QUERY } from './lib/scenarios.js';
import { faultPlans, soakOperations, type SoakOperation } from './lib/soak-operations.js';
import { startGateway, startUpstream } from './lib/stack.js';
import { runTenantSoak, tenantHelp } from './soak-tenants.js';

const SPECS = {
  requests: { flag: 'requests', env: 'SOAK_REQUESTS', default: 100_000, description: 'Requests to send in all.' },
  concurrency: { flag: 'concurrency', env: 'SOAK_CONCURRENCY', default: 16, description: 'Requests in flight at once.' },
  maxSeconds: {
    flag: 'max-seconds',
    env: 'SOAK_MAX_SECONDS',
    default: 330,
    description: 'Stop sending after this long even if requests remain.',
  },
  faultEvery: {
    flag: 'fault-every',
    env: 'SOAK_FAULT_EVERY',
    default: 250,
    description: 'Inject one upstream fault per this many requests (0: none).',
  },
  headersTimeout: {
    flag: 'headers-timeout',
    env: 'SOAK_HEADERS_TIMEOUT_MS',
    default: 1500,
    description: "The gateway's UPSTREAM_HEADERS_TIMEOUT_MS, so a delay fault can time out quickly.",
  },
  tenants: {
    flag: 'tenants',
    env: 'SOAK_TENANTS',
    default: false,
    description:
      'Run the two-tenant soak instead: a well-behaved caller alone, then beside an abusive one (options below; --headers-timeout, --seed and --runner apply too).',
  },
  seed: { flag: 'seed', env: 'SOAK_SEED', default: 1, description: 'Seed of the operation mix.' },
  runner: {
    flag: 'runner',
    env: 'SOAK_RUNNER',
    default: 'compiled' as Runner,
    description:
      'How the gateway runs: compiled (transpiled beforehand, as npm start runs dist/), node (node --import tsx) or tsx (the tsx CLI).',
  },
} satisfies Record<string, OptionSpec<unknown>>;

/** Codes an injected fault may explain. */
const FAULT_CODES = new Set(faultPlans(0).flatMap((plan) => plan.codes));

interface Snapshot {
  label: string;
  completed: number;
  /** After a forced full GC in the gateway. */
  heapUsed: number;
  heapTotal: number;
  external: number;
  rss: number;
  gcForced: boolean;
}

interface OpStats {
  sent: number;
  ok: number;
  expected: number;
  fault: number;
  unexpected: number;
}

async function main(): Promise<number> {
  if (wantsHelp()) {
    process.stdout.write(`${helpText('npm run soak [-- options]', Object.values(SPECS))}\n${tenantHelp()}`);
    return 0;
  }
  const headersTimeoutMs = numberOption(SPECS.headersTimeout, 100, 60_000);
  const runner = choiceOption(SPECS.runner, RUNNERS);
  const seed = numberOption(SPECS.seed, 0, 2 ** 31);
  if (flagOption(SPECS.tenants)) return runTenantSoak({ headersTimeoutMs, runner, seed });
  const total = numberOption(SPECS.requests, 1, 10_000_000);
  const concurrency = numberOption(SPECS.concurrency, 1, 256);
  const maxSeconds = numberOption(SPECS.maxSeconds, 5, 3600);
  const faultEvery = numberOption(SPECS.faultEvery, 0, 1_000_000);
  const random = mulberry32(seed);

  const upstream = await startUpstream({ maxRecorded: 0 });
  const gateway = await startGateway({
    upstreamUrl: upstream.url,
    runner,
    nodeArgs: ['--expose-gc'],
    preload: ['bench/heap-probe.ts'],
    ipc: true,
    env: { BENCH_HEAP_PROBE: '1', UPSTREAM_HEADERS_TIMEOUT_MS: String(headersTimeoutMs) },
  });
  const origin = new URL(gateway.url).origin;
  const pool = new Pool(origin, { connections: concurrency });
  const control = new Pool(upstream.url, { connections: 2 });

  const send = async (headers: Record<string, string>, body: string) => {
    const response = await pool.request({ path: '/graphql', method: 'POST', headers, body, headersTimeout: 30_000, bodyTimeout: 30_000 });
    return { status: response.statusCode, text: await response.body.text() };
  };

  let exitCode: number | null = null;
  try {
    // The second page's cursor, for paging requests (a cursor is opaque to clients).
    const first = await send(GRAPHQL_HEADERS, JSON.stringify({ query: LIST_QUERY, variables: { first: 20 } }));
    const cursor = (JSON.parse(first.text) as { data?: { organizations?: { pageInfo?: { endCursor?: string } } } }).data?.organizations
      ?.pageInfo?.endCursor;
    if (first.status !== 200 || !cursor)
      throw new Error(`the gateway does not answer a first page: HTTP ${first.status} ${first.text.slice(0, 300)}`);

    const operations = soakOperations(cursor);
    const weightSum = operations.reduce((sum, op) => sum + op.weight, 0);
    const pickOperation = (): SoakOperation => {
      let roll = random() * weightSum;
      for (const op of operations) {
        roll -= op.weight;
        if (roll < 0) return op;
      }
      return operations.at(-1) as SoakOperation;
    };
    const faults = faultPlans(headersTimeoutMs);

    const byCode = new Map<string, number>();
    const byOp = new Map<string, OpStats>(operations.map((op) => [op.name, { sent: 0, ok: 0, expected: 0, fault: 0, unexpected: 0 }]));
    const unexpectedByReason = new Map<string, number>();
    const examples: string[] = [];
    const faultCodeSeen = new Map<string, number>();
    const injected = new Map<string, number>();
    const injectedCodes = new Map<string, number>();
    const count = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
    const unexpected = (op: string, reason: string, detail: string) => {
      count(unexpectedByReason, reason);
      if (examples.length < 15) examples.push(`${op}: ${reason}: ${detail.slice(0, 300)}`);
    };

    const snapshots: Snapshot[] = [];
    const snapshot = async (label: string, completed: number) => {
      const memory = await gateway.ask<MemoryReport>({ type: 'memory', gc: true }, 30_000);
      snapshots.push({
        label,
        completed,
        heapUsed: memory.heapUsed,
        heapTotal: memory.heapTotal,
        external: memory.external,
        rss: memory.rss,
        gcForced: memory.gcForced,
      });
    };
    const checkpoints = [
      { at: Math.round(total * 0.05), label: 'start (5%)' },
      { at: Math.round(total * 0.25), label: '25%' },
      { at: Math.round(total * 0.5), label: 'middle (50%)' },
      { at: Math.round(total * 0.75), label: '75%' },
    ];
    const pendingSnapshots: Promise<void>[] = [];
    const rssSeries: { t: number; rss: number }[] = [];
    const started = Date.now();
    const rssTimer = setInterval(() => rssSeries.push({ t: (Date.now() - started) / 1000, rss: memoryStatus(gateway.pid).rss }), 1000);

    let issued = 0;
    let completed = 0;
    let faultIndex = 0;
    const latencies = new Float64Array(Math.min(total, 1 << 20));
    const deadline = started + maxSeconds * 1000;
    let lastProgress = started;

    const classify = (op: SoakOperation, status: number, text: string) => {
      const stats = byOp.get(op.name) as OpStats;
      if (status >= 500) {
        stats.unexpected++;
        count(byCode, `HTTP ${status}`);
        return unexpected(op.name, `HTTP ${status}`, text);
      }
      let body: { data?: Record<string, unknown> | null; errors?: { message?: string; extensions?: { code?: unknown } }[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        stats.unexpected++;
        count(byCode, 'NOT_JSON');
        return unexpected(op.name, 'body is not JSON', `HTTP ${status} ${text}`);
      }
      const errors = body.errors ?? [];
      if (errors.length === 0) {
        count(byCode, 'OK');
        if (op.expected.length > 0) {
          stats.unexpected++;
          return unexpected(op.name, `succeeded, expected ${op.expected.join('/')}`, text);
        }
        const problem = body.data ? op.checkData?.(body.data) : 'no data';
        if (problem) {
          stats.unexpected++;
          return unexpected(op.name, `wrong data (${problem.split(' ')[0]})`, `${problem}: ${text}`);
        }
        stats.ok++;
        return;
      }
      let kind: 'expected' | 'fault' | 'unexpected' = 'expected';
      for (const error of errors) {
        const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'NO_CODE';
        count(byCode, code);
        if (op.expected.includes(code)) continue;
        if (FAULT_CODES.has(code) && (injectedCodes.get(code) ?? 0) > 0) {
          count(faultCodeSeen, code);
          if (kind === 'expected') kind = 'fault';
          continue;
        }
        kind = 'unexpected';
        unexpected(
          op.name,
          code === 'INTERNAL_SERVER_ERROR' ? 'INTERNAL_SERVER_ERROR' : `code ${code} not explained`,
          JSON.stringify(error),
        );
      }
      stats[kind]++;
    };

    const injectFault = async () => {
      const plan = faults[faultIndex++ % faults.length];
      if (!plan) return;
      const response = await control.request({
        path: '/__demo/faults',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...plan.fault, times: 1 }),
      });
      await response.body.dump();
      if (response.statusCode !== 204) throw new Error(`the demo refused fault ${plan.name}: HTTP ${response.statusCode}`);
      count(injected, plan.name);
      for (const code of plan.codes) count(injectedCodes, code);
    };

    const worker = async () => {
      while (issued < total && Date.now() < deadline) {
        const n = issued++;
        if (faultEvery > 0 && n > 0 && n % faultEvery === 0) await injectFault();
        const op = pickOperation();
        (byOp.get(op.name) as OpStats).sent++;
        const t0 = performance.now();
        try {
          const { status, text } = await send(op.headers, op.body(n, random));
          classify(op, status, text);
        } catch (error) {
          (byOp.get(op.name) as OpStats).unexpected++;
          count(byCode, 'TRANSPORT_ERROR');
          unexpected(op.name, 'transport error', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        }
        if (completed < latencies.length) latencies[completed] = performance.now() - t0;
        completed++;
        const checkpoint = checkpoints.find((c) => c.at === completed);
        if (checkpoint) pendingSnapshots.push(snapshot(checkpoint.label, completed));
        if (Date.now() - lastProgress > 10_000) {
          lastProgress = Date.now();
          const rate = completed / ((lastProgress - started) / 1000);
          process.stdout.write(
            `  ${completed} / ${total} requests, ${fmt(rate)}/s, unexpected so far: ${[...unexpectedByReason.values()].reduce((a, b) => a + b, 0)}, gateway RSS ${fmt(mb(memoryStatus(gateway.pid).rss))} MB\n`,
          );
        }
      }
    };

    process.stdout.write(
      `soak: ${total} requests at concurrency ${concurrency} (at most ${maxSeconds} s), one fault per ${faultEvery || '∞'} requests; gateway (${runner}) pid ${gateway.pid}\n`,
    );
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsedSec = (Date.now() - started) / 1000;
    clearInterval(rssTimer);
    await Promise.all(pendingSnapshots);
    // Faults not consumed yet must not hit the health check.
    await (await control.request({ path: '/__demo/faults', method: 'DELETE' })).body.dump();
    await snapshot('end', completed);

    // The gateway must still answer normally after everything it went through.
    const health = await send(GRAPHQL_HEADERS, JSON.stringify({ query: LIST_QUERY, variables: { first: 20 } }));
    const healthy = health.status === 200 && !health.text.includes('"errors"');
    const upstreamCalls = await upstream.count();

    // Budget: one fault reaches at most one upstream call, which fails at most one response.
    for (const [code, seen] of faultCodeSeen) {
      const budget = injectedCodes.get(code) ?? 0;
      if (seen > budget) unexpected('all', `more ${code} than faults that cause it`, `${seen} seen, ${budget} injected`);
    }

    exitCode = await gateway.stop(20_000);

    // Report.
    const sorted = latencies.subarray(0, Math.min(completed, latencies.length)).sort();
    const unexpectedTotal = [...unexpectedByReason.values()].reduce((a, b) => a + b, 0);
    const out = process.stdout;
    out.write(
      `\nsent ${completed} requests in ${fmt(elapsedSec)} s (${fmt(completed / elapsedSec)}/s), latency p50 ${fmt(quantile(sorted, 0.5))} ms, ` +
        `p99 ${fmt(quantile(sorted, 0.99))} ms, max ${fmt(quantile(sorted, 1))} ms; upstream received ${upstreamCalls} API calls\n` +
        (completed < total ? `note: stopped at the ${maxSeconds} s limit before all ${total} requests were sent\n` : ''),
    );
    out.write(
      `\nResponses by extensions.code (an answer with several errors counts once per error)\n` +
        table(
          ['code', 'count', 'share'],
          [...byCode.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => [code, String(n), `${((n / completed) * 100).toFixed(2)}%`]),
          'lrr',
        ) +
        '\n',
    );
    out.write(
      `\nBy operation (expected = the documented error the operation asks for; fault = explained by an injected fault)\n` +
        table(
          ['operation', 'sent', 'ok', 'expected', 'fault', 'unexpected'],
          operations.map((op) => {
            const s = byOp.get(op.name) as OpStats;
            return [op.name, String(s.sent), String(s.ok), String(s.expected), String(s.fault), String(s.unexpected)];
          }),
        ) +
        '\n',
    );
    out.write(
      `\nFaults injected: ${[...injected.values()].reduce((a, b) => a + b, 0)} (${faults.map((f) => `${f.name} ×${injected.get(f.name) ?? 0}`).join(', ')})\n` +
        `Fault codes seen / budget: ${[...injectedCodes.keys()].map((code) => `${code} ${faultCodeSeen.get(code) ?? 0}/${injectedCodes.get(code)}`).join(', ')} ` +
        `(fewer than the budget: retries absorbed some, or a fault hit a call whose failure the operation tolerates)\n`,
    );

    const start = snapshots.find((s) => s.label.startsWith('start')) ?? snapshots[0];
    const middle = snapshots.find((s) => s.label.startsWith('middle'));
    const end = snapshots.find((s) => s.label === 'end');
    out.write(
      `\nGateway memory (heap after a forced full GC; RSS at the same moment)\n` +
        table(
          ['point', 'requests', 'heap used MB', 'heap total MB', 'external MB', 'RSS MB'],
          snapshots.map((s) => [
            s.label,
            String(s.completed),
            fmt(mb(s.heapUsed)),
            fmt(mb(s.heapTotal)),
            fmt(mb(s.external)),
            fmt(mb(s.rss)),
          ]),
        ) +
        `\nRSS sampled every second: min ${fmt(mb(Math.min(...rssSeries.map((s) => s.rss))))} MB, max ${fmt(mb(Math.max(...rssSeries.map((s) => s.rss))))} MB\n`,
    );
    let memoryVerdict = 'unknown (no snapshots)';
    let grew = false;
    if (start && middle && end) {
      // Judged on the second half: the first holds warm-up (JIT code, yoga's document caches, the
      // heap growing to its working size); a leak keeps growing at the same pace to the end.
      const heapGrowth = end.heapUsed - middle.heapUsed;
      const heapAllowed = Math.max(2 * 1024 * 1024, middle.heapUsed * 0.05);
      const rssGrowth = end.rss - middle.rss;
      const rssAllowed = Math.max(30 * 1024 * 1024, middle.rss * 0.2);
      grew = heapGrowth > heapAllowed || rssGrowth > rssAllowed;
      const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${fmt(mb(bytes))} MB`;
      memoryVerdict =
        `${grew ? 'GROWTH' : 'no growth'} over the second half: heap after GC ${fmt(mb(start.heapUsed))} (start) → ${fmt(mb(middle.heapUsed))} (middle) → ` +
        `${fmt(mb(end.heapUsed))} MB (end); middle→end ${signed(heapGrowth)} (allowed +${fmt(mb(heapAllowed))} MB). ` +
        `RSS ${fmt(mb(start.rss))} → ${fmt(mb(middle.rss))} → ${fmt(mb(end.rss))} MB; middle→end ${signed(rssGrowth)} (allowed +${fmt(mb(rssAllowed))} MB)` +
        (start.gcForced ? '' : ' [GC could not be forced: figures include garbage]');
    }
    out.write(`\nMemory: ${memoryVerdict}\n`);
    out.write(
      `Health after the soak: ${healthy ? 'a first page answers normally' : `FAILED: HTTP ${health.status} ${health.text.slice(0, 200)}`}\n`,
    );
    out.write(`Gateway exit on SIGTERM: ${exitCode === 0 ? 'clean (0)' : `status ${exitCode}`}\n`);
    out.write(
      `\nUnexpected: ${unexpectedTotal}${unexpectedTotal ? `\n${[...unexpectedByReason.entries()].map(([reason, n]) => `  ${n} × ${reason}`).join('\n')}\n  examples:\n${examples.map((e) => `    ${e}`).join('\n')}` : ''}\n`,
    );

    const directory = join(ROOT, 'bench', 'results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(
      join(directory, 'soak-latest.json'),
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          options: { total, concurrency, maxSeconds, faultEvery, headersTimeoutMs, runner },
          completed,
          elapsedSec,
          latencyMs: { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: quantile(sorted, 1) },
          upstreamCalls,
          byCode: Object.fromEntries(byCode),
          byOperation: Object.fromEntries(byOp),
          faultsInjected: Object.fromEntries(injected),
          faultCodes: { seen: Object.fromEntries(faultCodeSeen), budget: Object.fromEntries(injectedCodes) },
          unexpected: { total: unexpectedTotal, byReason: Object.fromEntries(unexpectedByReason), examples },
          memory: { snapshots, rssSeries, verdict: memoryVerdict },
          healthy,
          gatewayExitCode: exitCode,
        },
        null,
        2,
      )}\n`,
    );
    out.write(`\nwritten: bench/results/soak-latest.json\n`);
    if (unexpectedTotal > 0 || !healthy || exitCode !== 0) return 1;
    return grew ? 2 : 0;
  } finally {
    await pool.close();
    await control.close();
    if (exitCode === null) await gateway.stop();
    await upstream.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
