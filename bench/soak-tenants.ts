/**
 * `npm run soak -- --tenants`: does one abusive caller take the gateway away from another?
 *
 * Starts the demo upstream and the gateway as processes, then runs two phases of equal length. In
 * the first, a well-behaved caller (demo admin token) sends list pages and lookups by id at a fixed
 * rate, alone. In the second it sends the same while an abusive caller (demo member token) sends,
 * all at once: lookups whose upstream calls answer 500, a fixed number of lookups in flight whose
 * upstream calls hang past the gateway's timeout, and fan-out floods (15 aliases × `nodes` of 100
 * distinct ids). Demo faults matched to the abuser's token make its calls fail or hang, so the
 * upstream itself stays healthy for the other caller.
 *
 * Exit status: 0 when the well-behaved caller kept a ≥ 99 % success rate and a p99 within
 * max(1 s, 3 × its p99 alone) beside the abuser; 1 otherwise (or when the run could not be made).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { mulberry32 } from '../src/dialects/basedash/demo/seed.js';
import { helpText, numberOption, type OptionSpec } from './lib/options.js';
import { ROOT, type Runner } from './lib/processes.js';
import { fmt, table } from './lib/report.js';
import { startGateway, startUpstream } from './lib/stack.js';
import { DEFAULT_THRESHOLDS, percent, summarize, tenantVerdict, type CallerSummary, type CallSample } from './lib/tenant-stats.js';
import {
  ABUSE_KINDS,
  ABUSER_TOKEN,
  abuseBody,
  abuseFaults,
  headersFor,
  WELL_BEHAVED_TOKEN,
  wellBehavedOperations,
  type AbuseKind,
  type TenantOperation,
} from './lib/tenant-traffic.js';

export const TENANT_SPECS = {
  phaseSeconds: {
    flag: 'phase-seconds',
    env: 'SOAK_PHASE_SECONDS',
    default: 20,
    description: 'Length of each phase (alone, then beside the abuser).',
  },
  rate: {
    flag: 'rate',
    env: 'SOAK_RATE',
    default: 50,
    description: "The well-behaved caller's requests per second (sent on a fixed schedule).",
  },
  failingRate: {
    flag: 'failing-rate',
    env: 'SOAK_FAILING_RATE',
    default: 12,
    description: "The abuser's requests per second whose upstream call answers 500.",
  },
  hanging: {
    flag: 'hanging',
    env: 'SOAK_HANGING',
    default: 70,
    description: "The abuser's requests kept in flight whose upstream call hangs.",
  },
  floods: {
    flag: 'floods',
    env: 'SOAK_FLOODS',
    default: 2,
    description: "The abuser's fan-out floods kept in flight (15 aliases × nodes of 100 ids each).",
  },
} satisfies Record<string, OptionSpec<unknown>>;

export const tenantHelp = () => helpText('npm run soak -- --tenants [options]', Object.values(TENANT_SPECS));

/** Settings the two-tenant mode shares with the plain soak. */
export interface CommonSoakOptions {
  headersTimeoutMs: number;
  runner: Runner;
  seed: number;
}

/** Longest a request may take in this harness; the gateway's own deadline (15 s by default) ends every request sooner. */
const CLIENT_TIMEOUT_MS = 30_000;

/** Sends one request as a caller; `check` judges the data of an answer without errors. */
/**
 * Sockets of the well-behaved caller, as a service with a bounded client pool would have: far more
 * than it needs while the gateway answers in time. Once the gateway stalls, the wait for a free
 * socket counts in the latency, as that service would see it.
 */
const WELL_BEHAVED_CONNECTIONS = 64;

type Send = (body: string, check?: (data: Record<string, unknown>) => string | undefined) => Promise<CallSample>;

function sender(pool: Pool, token: string): Send {
  const headers = headersFor(token);
  return async (body, check) => {
    const t0 = performance.now();
    let status: number;
    let text: string;
    try {
      const response = await pool.request({
        path: '/graphql',
        method: 'POST',
        headers,
        body,
        headersTimeout: CLIENT_TIMEOUT_MS,
        bodyTimeout: CLIENT_TIMEOUT_MS,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      const reason = (error as { code?: unknown }).code ?? (error instanceof Error ? error.name : 'error');
      return { latencyMs: performance.now() - t0, code: `TRANSPORT ${String(reason)}`, status: 'none' };
    }
    const latencyMs = performance.now() - t0;
    let answer: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: unknown } }[] };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      return { latencyMs, code: 'NOT_JSON', status: String(status) };
    }
    const first = answer.errors?.[0];
    if (first)
      return { latencyMs, code: typeof first.extensions?.code === 'string' ? first.extensions.code : 'NO_CODE', status: String(status) };
    const problem = status !== 200 ? `HTTP ${status}` : !answer.data ? 'no data' : check?.(answer.data);
    return { latencyMs, code: problem ? 'WRONG_DATA' : 'OK', status: String(status) };
  };
}

/**
 * Starts request n at start + n / rate whatever happened to earlier ones, so a stalled gateway shows
 * as latency and failures instead of slowing the caller down (closed loops would hide it).
 */
async function atFixedRate(rate: number, until: () => boolean, fire: (n: number) => Promise<void>): Promise<void> {
  const start = performance.now();
  const pending = new Set<Promise<void>>();
  for (let n = 0; !until(); n++) {
    const wait = start + (n * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    if (until()) break;
    const request = fire(n).finally(() => pending.delete(request));
    pending.add(request);
  }
  await Promise.all(pending);
}

function wellBehavedPhase(send: Send, rate: number, seconds: number, random: () => number) {
  const operations = wellBehavedOperations();
  const weightSum = operations.reduce((sum, op) => sum + op.weight, 0);
  const pick = (): TenantOperation => {
    let roll = random() * weightSum;
    for (const op of operations) if ((roll -= op.weight) < 0) return op;
    return operations.at(-1) as TenantOperation;
  };
  const samples: CallSample[] = [];
  const deadline = performance.now() + seconds * 1000;
  return atFixedRate(
    rate,
    () => performance.now() >= deadline,
    async (n) => {
      const op = pick();
      samples.push(await send(op.body(n, random), op.check));
    },
  ).then(() => samples);
}

interface AbuserRun {
  /** Stops sending and resolves once every request has been answered. */
  stop(): Promise<Record<AbuseKind, CallSample[]>>;
}

function startAbuser(send: Send, options: { failingRate: number; hanging: number; floods: number }): AbuserRun {
  let stopping = false;
  const samples: Record<AbuseKind, CallSample[]> = { failing: [], hanging: [], flood: [] };
  const counters: Record<AbuseKind, number> = { failing: 0, hanging: 0, flood: 0 };
  const once = async (kind: AbuseKind) => {
    samples[kind].push(await send(abuseBody(kind, counters[kind]++)));
  };
  const inFlight = async (kind: AbuseKind) => {
    while (!stopping) await once(kind);
  };
  const loops = [
    options.failingRate > 0
      ? atFixedRate(
          options.failingRate,
          () => stopping,
          () => once('failing'),
        )
      : Promise.resolve(),
    ...Array.from({ length: options.hanging }, () => inFlight('hanging')),
    ...Array.from({ length: options.floods }, () => inFlight('flood')),
  ];
  return {
    async stop() {
      stopping = true;
      await Promise.all(loops);
      return samples;
    },
  };
}

async function demoControl(pool: Pool, method: 'POST' | 'DELETE', body?: unknown): Promise<void> {
  const response = await pool.request({
    path: '/__demo/faults',
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  if (response.statusCode !== 204)
    throw new Error(`the demo upstream refused ${method} /__demo/faults: HTTP ${response.statusCode} ${text.slice(0, 300)}`);
}

const codes = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');

export async function runTenantSoak(common: CommonSoakOptions): Promise<number> {
  const phaseSeconds = numberOption(TENANT_SPECS.phaseSeconds, 2, 3600);
  const rate = numberOption(TENANT_SPECS.rate, 1, 2000);
  const failingRate = numberOption(TENANT_SPECS.failingRate, 0, 1000);
  const hanging = numberOption(TENANT_SPECS.hanging, 0, 1000);
  const floods = numberOption(TENANT_SPECS.floods, 0, 100);
  // Past every gateway deadline (headers timeout, retries, the 15 s operation deadline), so the
  // gateway always gives up on these calls before the upstream answers.
  const hangMs = Math.max(60_000, 4 * common.headersTimeoutMs);
  const random = mulberry32(common.seed);

  const upstream = await startUpstream({ maxRecorded: 0 });
  const gateway = await startGateway({
    upstreamUrl: upstream.url,
    runner: common.runner,
    env: { UPSTREAM_HEADERS_TIMEOUT_MS: String(common.headersTimeoutMs) },
  });
  const origin = new URL(gateway.url).origin;
  const wellBehavedPool = new Pool(origin, { connections: WELL_BEHAVED_CONNECTIONS });
  const abuserPool = new Pool(origin, { connections: hanging + floods + 32 });
  const control = new Pool(upstream.url, { connections: 1 });
  let exitCode: number | null = null;
  try {
    const sendWellBehaved = sender(wellBehavedPool, WELL_BEHAVED_TOKEN);
    for (const op of wellBehavedOperations()) {
      const sample = await sendWellBehaved(op.body(0, random), op.check);
      if (sample.code !== 'OK')
        throw new Error(`the gateway does not serve "${op.name}" before any load: ${sample.code} (HTTP ${sample.status})`);
    }

    const out = process.stdout;
    out.write(
      `soak --tenants: ${phaseSeconds} s alone, then ${phaseSeconds} s beside the abuser; well-behaved ${rate} req/s; abuser ${failingRate} failing req/s, ` +
        `${hanging} hanging in flight (upstream delay ${hangMs / 1000} s, gateway headers timeout ${common.headersTimeoutMs} ms), ${floods} floods in flight; ` +
        `gateway (${common.runner}) pid ${gateway.pid}\n`,
    );

    const calls0 = await upstream.count();
    out.write('  phase 1: well-behaved caller alone\n');
    const alone = await wellBehavedPhase(sendWellBehaved, rate, phaseSeconds, random);
    const calls1 = await upstream.count();

    for (const fault of abuseFaults(hangMs)) await demoControl(control, 'POST', fault);
    out.write('  phase 2: well-behaved caller beside the abuser\n');
    const abuser = startAbuser(sender(abuserPool, ABUSER_TOKEN), { failingRate, hanging, floods });
    const beside = await wellBehavedPhase(sendWellBehaved, rate, phaseSeconds, random);
    const calls2 = await upstream.count();
    out.write("  waiting for the abuser's last requests\n");
    const abuse = await abuser.stop();
    await demoControl(control, 'DELETE');
    exitCode = await gateway.stop(20_000);

    const phases: [string, CallerSummary][] = [
      ['alone', summarize(alone)],
      ['beside abuser', summarize(beside)],
    ];
    const abuseSummary = Object.fromEntries(ABUSE_KINDS.map((kind) => [kind, summarize(abuse[kind])])) as Record<AbuseKind, CallerSummary>;
    const verdict = tenantVerdict(phases[0]![1], phases[1]![1]);

    out.write(
      `\nWell-behaved caller (admin token; latency over every request, failed ones included)\n` +
        table(
          ['phase', 'requests', 'success', 'p50 ms', 'p99 ms', 'max ms', 'upstream calls', 'by code', 'by HTTP status'],
          phases.map(([name, s], i) => [
            name,
            String(s.requests),
            percent(s.successRate),
            fmt(s.latencyMs.p50),
            fmt(s.latencyMs.p99),
            fmt(s.latencyMs.max),
            String(i === 0 ? calls1 - calls0 : calls2 - calls1),
            codes(s.byCode),
            codes(s.byStatus),
          ]),
          'lrrrrrrll',
        ) +
        `\n(upstream calls: every caller's, during the phase)\n`,
    );
    out.write(
      `\nAbusive caller (member token), from the start of phase 2 to the well-behaved caller's last answer\n` +
        table(
          ['kind', 'requests', 'p50 ms', 'max ms', 'by code', 'by HTTP status'],
          ABUSE_KINDS.map((kind) => {
            const s = abuseSummary[kind];
            return [kind, String(s.requests), fmt(s.latencyMs.p50), fmt(s.latencyMs.max), codes(s.byCode), codes(s.byStatus)];
          }),
          'lrrrll',
        ) +
        '\n',
    );
    out.write(`Gateway exit on SIGTERM: ${exitCode === 0 ? 'clean (0)' : `status ${exitCode}`}\n`);
    out.write(
      verdict.pass
        ? `\nPASS: beside the abuser the well-behaved caller kept ≥ ${percent(DEFAULT_THRESHOLDS.minSuccessRate)} success and a p99 within ${fmt(verdict.p99LimitMs)} ms\n`
        : `\nFAIL:\n${verdict.reasons.map((reason) => `  ${reason}`).join('\n')}\n`,
    );

    const directory = join(ROOT, 'bench', 'results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(
      join(directory, 'soak-tenants-latest.json'),
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          options: { phaseSeconds, rate, failingRate, hanging, floods, hangMs, ...common },
          wellBehaved: {
            alone: { ...phases[0]![1], upstreamCalls: calls1 - calls0 },
            besideAbuser: { ...phases[1]![1], upstreamCalls: calls2 - calls1 },
          },
          abuser: abuseSummary,
          thresholds: DEFAULT_THRESHOLDS,
          verdict,
          gatewayExitCode: exitCode,
        },
        null,
        2,
      )}\n`,
    );
    out.write(`\nwritten: bench/results/soak-tenants-latest.json\n`);
    return verdict.pass ? 0 : 1;
  } finally {
    await Promise.all([wellBehavedPool.destroy(), abuserPool.destroy(), control.close()]);
    if (exitCode === null) await gateway.stop();
    await upstream.stop();
  }
}
