/**
 * `npm run bench:lean-path`: what the lean path for JSON POSTs (src/http/listener.ts) saves, in one
 * run on this machine.
 *
 * Starts the demo upstream and two gateways (bench/gateway-variant.ts, node with its default flags),
 * one with the lean path and one without (every request through yoga's node adapter); checks that
 * both answer each scenario correctly with the same upstream calls; then loads them in turn with
 * autocannon, the variant that goes first alternating per round, and reports medians over rounds:
 * CPU time per operation of each gateway process (/proc), throughput, p99 and peak RSS, the
 * on ÷ off ratios, and whether the lean path saves at least 10 % of CPU (the bar of issue 16).
 * Writes bench/results/lean-path-latest.json.
 *
 * Never part of `npm test`. Every load run is bounded by its duration and targets 127.0.0.1 only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { sampleCheck } from './lib/check.js';
import { measure, type LoadResult } from './lib/load.js';
import { choiceOption, helpText, listOption, numberOption, wantsHelp, type OptionSpec } from './lib/options.js';
import { machineLoad, memoryStatus } from './lib/proc.js';
import { ROOT, RUNNERS, type Runner } from './lib/processes.js';
import { fmt, gitDescription, mb, median, ratio, table } from './lib/report.js';
import { plan, SCENARIOS, type ScenarioName } from './lib/scenarios.js';
import { resetUpstream, startGatewayVariants, startUpstream } from './lib/stack.js';

/** The least share of the gateway's CPU per operation a shortcut past a library's API must save (issue 16). */
const REQUIRED_SAVING = 0.1;

const VARIANTS = ['on', 'off'] as const;
type Variant = (typeof VARIANTS)[number];

const SPECS = {
  rounds: {
    flag: 'rounds',
    env: 'BENCH_ROUNDS',
    default: 5,
    description: 'Rounds over all scenarios and both variants (medians are taken over them).',
  },
  duration: { flag: 'duration', env: 'BENCH_DURATION', default: 5, description: 'Seconds of measured load per variant and round.' },
  warmup: { flag: 'warmup', env: 'BENCH_WARMUP', default: 1, description: 'Seconds of unmeasured load before each measured run.' },
  connections: {
    flag: 'connections',
    env: 'BENCH_CONNECTIONS',
    default: 16,
    description: 'Concurrent keep-alive connections of the load generator.',
  },
  scenarios: {
    flag: 'scenarios',
    env: 'BENCH_SCENARIOS',
    default: ['list-20', 'list-100', 'nodes-10'] as readonly ScenarioName[],
    description: `Comma-separated subset of ${SCENARIOS.join(', ')}.`,
  },
  runner: {
    flag: 'runner',
    env: 'BENCH_RUNNER',
    default: 'compiled' as Runner,
    description:
      'How the gateways run: compiled (plain node on src/ transpiled beforehand, as in npm run bench), node (node --import tsx) or tsx.',
  },
} satisfies Record<string, OptionSpec<unknown>>;

interface Measured extends LoadResult {
  round: number;
  scenario: ScenarioName;
  variant: Variant;
}

interface VariantSummary {
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerOp: number;
  peakRssBytes: number;
  foreignCores: number;
}

interface ScenarioSummary {
  on: VariantSummary;
  off: VariantSummary;
  /** Median of on ÷ off of the medians. */
  cpuRatio: number;
  /** on ÷ off of CPU per operation within each round (the two runs next to each other in time). */
  cpuRatioPerRound: number[];
  /** 1 − cpuRatio: the share of the adapter path's CPU the lean path saves. */
  cpuSaved: number;
  meetsBar: boolean;
}

async function main(): Promise<number> {
  if (wantsHelp()) {
    process.stdout.write(helpText('npm run bench:lean-path [-- options]', Object.values(SPECS)));
    return 0;
  }
  const rounds = numberOption(SPECS.rounds, 1, 20);
  const durationSec = numberOption(SPECS.duration, 1, 120);
  const warmupSec = numberOption(SPECS.warmup, 0, 30);
  const connections = numberOption(SPECS.connections, 1, 512);
  const scenarios = listOption(SPECS.scenarios, SCENARIOS);
  const runner = choiceOption(SPECS.runner, RUNNERS);

  const git = gitDescription();
  const estimate = scenarios.length * VARIANTS.length * rounds * (durationSec + warmupSec + 0.5) + 15;
  process.stdout.write(
    `org-gateway lean path on vs off · ${git} · node ${process.version} (default flags) · ${availableParallelism()} cores\n` +
      `${rounds} rounds × ${scenarios.length * VARIANTS.length} runs of ${durationSec} s (+${warmupSec} s warm-up), ${connections} connections, gateways via ${runner}; about ${Math.round(estimate / 60)} min\n\n`,
  );

  const upstream = await startUpstream();
  const gateways = await startGatewayVariants({ upstreamUrl: upstream.url, runner });
  const count = () => upstream.count();
  try {
    const idle = await machineLoad(2000);
    if (idle > 0.3) {
      process.stdout.write(
        `warning: other processes keep ${fmt(idle)} of ${availableParallelism()} cores busy; absolute figures will be low and noisy (ratios less so).\n\n`,
      );
    }

    // Both variants must answer correctly and make the same upstream calls, or the comparison means nothing.
    const exactCalls: Partial<Record<ScenarioName, number>> = {};
    for (const scenario of scenarios) {
      const calls: number[] = [];
      for (const variant of VARIANTS) {
        const check = await sampleCheck(new URL(gateways[variant].url).origin, plan(scenario, 'gateway'), count);
        if (check.problem) throw new Error(`${scenario} with the lean path ${variant}: a sample answer is wrong: ${check.problem}`);
        calls.push(check.upstreamCallsPerOp);
      }
      if (calls[0] !== calls[1])
        throw new Error(`${scenario}: upstream calls per operation differ, lean path on ${calls[0]} vs off ${calls[1]}`);
      exactCalls[scenario] = calls[0] as number;
    }
    await resetUpstream(upstream.url);
    process.stdout.write('sample answers checked: both variants answer correctly, with the same upstream calls\n\n');

    const results: Measured[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const scenario of scenarios) {
        // The variant that goes first alternates per round, so neither always runs on a warmer or quieter machine.
        const order: readonly Variant[] = round % 2 === 1 ? VARIANTS : [...VARIANTS].reverse();
        for (const variant of order) {
          const gateway = gateways[variant];
          const result = await measure({
            origin: new URL(gateway.url).origin,
            plan: plan(scenario, 'gateway'),
            connections,
            durationSec,
            warmupSec,
            serverPid: gateway.pid,
            upstreamPid: upstream.pid,
            upstreamCount: count,
          });
          if (scenario === 'create') await resetUpstream(upstream.url);
          results.push({ ...result, round, scenario, variant });
          process.stdout.write(`${progressLine(round, scenario, variant, result)}\n`);
          const invalid = result.non2xx + result.errors + result.timeouts + result.mismatches;
          if (invalid > 0) {
            throw new Error(
              `${scenario} with the lean path ${variant}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.mismatches} wrong bodies — results would be meaningless`,
            );
          }
        }
      }
    }

    const summary = summarize(results, scenarios);
    const lifetimePeakRss = { on: memoryStatus(gateways.on.pid).hwm, off: memoryStatus(gateways.off.pid).hwm };
    process.stdout.write(`\n${render(summary, scenarios, { rounds, durationSec, connections })}\n`);
    process.stdout.write(
      `\nlifetime peak RSS (VmHWM): lean path on ${fmt(mb(lifetimePeakRss.on))} MB, off ${fmt(mb(lifetimePeakRss.off))} MB\n`,
    );
    const foreign = results.map((result) => result.foreignCores);
    if (Math.max(...foreign) > 0.15) {
      process.stdout.write(
        `warning: other processes used ${fmt(median(foreign))} cores (median; max ${fmt(Math.max(...foreign))}) of ${availableParallelism()} during the runs ` +
          `(foreignCores in the JSON); the paired on ÷ off ratios hold up better than absolute numbers.\n`,
      );
    }
    process.stdout.write(
      `\nLean path: CPU per operation saved (1 − on ÷ off), bar ≥ ${REQUIRED_SAVING * 100} %\n` +
        scenarios
          .map((scenario) => {
            const s = summary[scenario] as ScenarioSummary;
            return `  ${s.meetsBar ? 'MEETS' : 'BELOW'}  ${scenario}: ${fmt(s.cpuSaved * 100)} % (per-round on ÷ off ${s.cpuRatioPerRound.map((r) => fmt(r)).join(', ')})`;
          })
          .join('\n') +
        '\n',
    );

    const directory = join(ROOT, 'bench', 'results');
    mkdirSync(directory, { recursive: true });
    const report = {
      meta: {
        date: new Date().toISOString(),
        git,
        node: process.version,
        nodeFlags: 'defaults',
        cores: availableParallelism(),
        options: { rounds, durationSec, warmupSec, connections, scenarios, runner },
        requiredSaving: REQUIRED_SAVING,
      },
      upstreamCallsPerOpExact: exactCalls,
      summary,
      lifetimePeakRssBytes: lifetimePeakRss,
      runs: results,
    };
    const json = `${JSON.stringify(report, null, 2)}\n`;
    writeFileSync(join(directory, 'lean-path-latest.json'), json);
    writeFileSync(join(directory, `lean-path-${report.meta.date.replace(/[:.]/g, '-')}.json`), json);
    process.stdout.write(`\nwritten: bench/results/lean-path-latest.json\n`);
    return 0;
  } finally {
    await Promise.all([gateways.on.stop(), gateways.off.stop(), upstream.stop()]);
  }
}

function progressLine(round: number, scenario: ScenarioName, variant: Variant, r: LoadResult): string {
  return (
    `[round ${round}] ${scenario.padEnd(9)} lean ${variant.padEnd(3)} ${fmt(r.opsPerSec).padStart(6)} ops/s  p50 ${fmt(r.p50Ms)} ms  p99 ${fmt(r.p99Ms)} ms  ` +
    `cpu ${fmt(r.serverCpuMsPerOp)} ms/op  rss ${fmt(mb(r.serverPeakRssBytes))} MB  upstream ${fmt(r.upstreamCallsPerOp)}/op` +
    (r.foreignCores > 0.15 ? `  (other processes: ${fmt(r.foreignCores)} cores)` : '')
  );
}

function summarize(results: readonly Measured[], scenarios: readonly ScenarioName[]): Partial<Record<ScenarioName, ScenarioSummary>> {
  const summary: Partial<Record<ScenarioName, ScenarioSummary>> = {};
  for (const scenario of scenarios) {
    const of = (variant: Variant): VariantSummary => {
      const mine = results.filter((r) => r.scenario === scenario && r.variant === variant);
      const pick = (get: (r: Measured) => number) => median(mine.map(get));
      return {
        opsPerSec: pick((r) => r.opsPerSec),
        p50Ms: pick((r) => r.p50Ms),
        p99Ms: pick((r) => r.p99Ms),
        cpuMsPerOp: pick((r) => r.serverCpuMsPerOp),
        peakRssBytes: Math.max(...mine.map((r) => r.serverPeakRssBytes)),
        foreignCores: pick((r) => r.foreignCores),
      };
    };
    const on = of('on');
    const off = of('off');
    const rounds = [...new Set(results.map((r) => r.round))].sort((a, b) => a - b);
    const cpuRatioPerRound = rounds.map((round) => {
      const cpu = (variant: Variant) =>
        results.find((r) => r.scenario === scenario && r.variant === variant && r.round === round)?.serverCpuMsPerOp ?? Number.NaN;
      return cpu('on') / cpu('off');
    });
    const cpuRatio = on.cpuMsPerOp / off.cpuMsPerOp;
    summary[scenario] = { on, off, cpuRatio, cpuRatioPerRound, cpuSaved: 1 - cpuRatio, meetsBar: 1 - cpuRatio >= REQUIRED_SAVING };
  }
  return summary;
}

function render(
  summary: Partial<Record<ScenarioName, ScenarioSummary>>,
  scenarios: readonly ScenarioName[],
  options: { rounds: number; durationSec: number; connections: number },
): string {
  const blocks = [
    `Medians of ${options.rounds} rounds × ${options.durationSec} s at ${options.connections} connections. CPU = CPU time of the gateway process per operation ` +
      `(/proc utime+stime); peak RSS = highest sampled VmRSS of that process over the rounds; other = cores used by unrelated processes (median). ` +
      `"on ÷ off (paired)" is the median of the per-round ratios.`,
  ];
  for (const scenario of scenarios) {
    const s = summary[scenario] as ScenarioSummary;
    const row = (name: string, v: VariantSummary) => [
      name,
      fmt(v.opsPerSec),
      fmt(v.p50Ms),
      fmt(v.p99Ms),
      fmt(v.cpuMsPerOp),
      fmt(mb(v.peakRssBytes)),
      fmt(v.foreignCores),
    ];
    const rows = [
      row('lean path on', s.on),
      row('lean path off', s.off),
      [
        'on ÷ off',
        ratio(s.on.opsPerSec / s.off.opsPerSec),
        ratio(s.on.p50Ms / s.off.p50Ms),
        ratio(s.on.p99Ms / s.off.p99Ms),
        ratio(s.cpuRatio),
        ratio(s.on.peakRssBytes / s.off.peakRssBytes),
        '',
      ],
      ['on ÷ off (paired)', '', '', '', ratio(median(s.cpuRatioPerRound)), '', ''],
    ];
    blocks.push(`${scenario}\n${table(['gateway', 'ops/s', 'p50 ms', 'p99 ms', 'CPU ms/op', 'peak RSS MB', 'other cores'], rows)}`);
  }
  return blocks.join('\n\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
