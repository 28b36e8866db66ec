/**
 * `npm run bench:profile`: where the gateway's CPU time goes under the list-of-20 load.
 *
 * Starts the demo upstream and the gateway under `node --cpu-prof` (compiled, as `npm run bench`
 * runs it, so the profile shows the code that is measured), drives the list-of-20 scenario
 * (16 connections by default) with autocannon, stops the gateway with SIGTERM (it must exit cleanly
 * for node to write the profile), then prints the top functions by self time, the time per package
 * and the heaviest functions by total time. Only samples taken during the measured load count
 * (start-up and shutdown are left out). The .cpuprofile stays in bench/results/profiles/ for
 * Chrome DevTools or speedscope.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeProfile, type CpuProfile } from './lib/cpuprofile.js';
import { sampleCheck } from './lib/check.js';
import { sourceLocator } from './lib/source-locations.js';
import { measure } from './lib/load.js';
import { choiceOption, helpText, numberOption, wantsHelp, type OptionSpec } from './lib/options.js';
import { COMPILED_DIR } from './lib/compile.js';
import { ROOT, RUNNERS, type Runner } from './lib/processes.js';
import { fmt, table } from './lib/report.js';
import { plan, SCENARIOS, type ScenarioName } from './lib/scenarios.js';
import { startGateway, startUpstream } from './lib/stack.js';

const SPECS = {
  duration: { flag: 'duration', env: 'BENCH_DURATION', default: 15, description: 'Seconds of profiled load.' },
  warmup: { flag: 'warmup', env: 'BENCH_WARMUP', default: 3, description: 'Seconds of load before profiled samples count (JIT warm-up).' },
  connections: { flag: 'connections', env: 'BENCH_CONNECTIONS', default: 16, description: 'Concurrent connections.' },
  interval: {
    flag: 'interval',
    env: 'BENCH_PROFILE_INTERVAL_US',
    default: 500,
    description: 'Sampling interval of the CPU profiler in µs.',
  },
  scenario: { flag: 'scenario', env: 'BENCH_SCENARIO', default: 'list-20' as ScenarioName, description: 'The scenario to profile.' },
  runner: {
    flag: 'runner',
    env: 'BENCH_RUNNER',
    default: 'compiled' as Runner,
    description:
      "How the gateway runs, as in `npm run bench`: compiled (the default, what the bench measures), node or tsx (these add tsx's per-function name wrappers).",
  },
  top: { flag: 'top', env: 'BENCH_TOP', default: 25, description: 'How many functions to list.' },
} satisfies Record<string, OptionSpec<unknown>>;

async function main(): Promise<number> {
  if (wantsHelp()) {
    process.stdout.write(helpText('npm run bench:profile [-- options]', Object.values(SPECS)));
    return 0;
  }
  const durationSec = numberOption(SPECS.duration, 1, 300);
  const warmupSec = numberOption(SPECS.warmup, 0, 60);
  const connections = numberOption(SPECS.connections, 1, 512);
  const interval = numberOption(SPECS.interval, 50, 100_000);
  const scenario = choiceOption(SPECS.scenario, SCENARIOS);
  const top = numberOption(SPECS.top, 5, 200);
  const runner = choiceOption(SPECS.runner, RUNNERS);

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const directory = join(ROOT, 'bench', 'results', 'profiles', stamp);
  mkdirSync(directory, { recursive: true });

  const upstream = await startUpstream();
  const gateway = await startGateway({
    upstreamUrl: upstream.url,
    runner,
    nodeArgs: ['--cpu-prof', '--cpu-prof-dir', directory, '--cpu-prof-interval', String(interval)],
  });
  let window: { fromUs: number; toUs: number } | undefined;
  let exitCode: number | null = null;
  let load: Awaited<ReturnType<typeof measure>> | undefined;
  try {
    const scenarioPlan = plan(scenario, 'gateway');
    const origin = new URL(gateway.url).origin;
    const check = await sampleCheck(origin, scenarioPlan, () => upstream.count());
    if (check.problem) throw new Error(`the gateway answers ${scenario} wrongly: ${check.problem}`);
    process.stdout.write(
      `profiling ${scenario} on the gateway (via ${runner}): ${warmupSec} s warm-up, ${durationSec} s at ${connections} connections…\n`,
    );
    // process.hrtime and V8's profile timestamps both read CLOCK_MONOTONIC, in different units.
    const fromUs = Number(process.hrtime.bigint() / 1000n) + warmupSec * 1e6;
    load = await measure({
      origin,
      plan: scenarioPlan,
      connections,
      durationSec,
      warmupSec,
      serverPid: gateway.pid,
      upstreamPid: upstream.pid,
      upstreamCount: () => upstream.count(),
    });
    window = { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) };
  } finally {
    exitCode = await gateway.stop(30_000);
    await upstream.stop();
  }
  if (exitCode !== 0) {
    process.stderr.write(
      `the gateway exited with ${exitCode} on SIGTERM, not 0; node writes no profile then.\n${gateway.output().slice(-2000)}\n`,
    );
    return 1;
  }
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(directory, name));
  if (files.length === 0) {
    process.stderr.write(`no .cpuprofile in ${directory}: did the gateway exit through process.exit or a normal end?\n`);
    return 1;
  }
  // One file per thread; the main thread's is the largest by far (tsx's loader thread barely runs).
  const file = files.sort((a, b) => statSync(b).size - statSync(a).size)[0] as string;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

  const sourceRoot = `${pathToFileURL(join(runner === 'compiled' ? COMPILED_DIR : ROOT, 'src')).href}/`;
  const inWindow = window !== undefined && window.fromUs < profile.endTime && window.toUs > profile.startTime;
  const locate = await sourceLocator(new Set(profile.nodes.map((node) => node.callFrame.url).filter((url) => url.startsWith(sourceRoot))));
  const analysis = analyzeProfile(profile, { sourceRoot, top, locate, ...(inWindow && window ? window : {}) });

  const out = process.stdout;
  out.write(
    `\nprofile: ${file.slice(ROOT.length)}\n` +
      `load while profiled: ${fmt(load?.opsPerSec ?? Number.NaN)} ops/s, p99 ${fmt(load?.p99Ms ?? Number.NaN)} ms, ` +
      `${fmt(load?.serverCpuMsPerOp ?? Number.NaN)} ms CPU/op (the profiler adds some overhead)\n` +
      `window: ${inWindow ? 'measured load only' : 'whole profile (clock window did not match)'}; ` +
      `${fmt(analysis.windowMs)} ms, busy ${fmt(analysis.busyMs)} ms, idle ${fmt(analysis.idleMs)} ms, ${analysis.samples} samples\n\n`,
  );
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  out.write(
    `Top ${top} functions by self time (share of busy time)\n` +
      table(
        ['#', 'self ms', 'share', 'group', 'function', 'location'],
        analysis.topSelf.map((f, i) => [String(i + 1), fmt(f.ms), pct(f.share), f.group, f.name, f.location]),
        'rrrlll',
      ) +
      '\n\n',
  );
  out.write(
    `Time by package (self; "charged" also gives each package the node-core and builtin time of its own calls)\n` +
      table(
        ['group', 'self ms', 'self', 'charged ms', 'charged'],
        analysis.groups.map((g) => [g.group, fmt(g.selfMs), pct(g.selfShare), fmt(g.attributedMs), pct(g.attributedShare)]),
      ) +
      '\n\n',
  );
  out.write(
    `Own functions (src/) by total time (self + everything they call)\n` +
      table(
        ['total ms', 'share', 'function', 'location'],
        analysis.topTotal.map((f) => [fmt(f.ms), pct(f.share), f.name, f.location]),
        'rrll',
      ) +
      '\n',
  );
  writeFileSync(join(ROOT, 'bench', 'results', 'profile-latest.json'), `${JSON.stringify({ file, load, analysis }, null, 2)}\n`);
  out.write(`\nwritten: bench/results/profile-latest.json (open the .cpuprofile in Chrome DevTools › Performance, or speedscope)\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench:profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
