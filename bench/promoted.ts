/**
 * `npm run bench:promoted`: what grows the gateway's old space under load, by allocating function.
 *
 * V8 grows the old space until its next full GC by a factor of what was live after the last one,
 * and picks that factor from how fast the old space filled: objects that live through two
 * scavenges (or that V8 allocates in the old space directly) and then die are what raise peak RSS.
 * This starts the demo upstream and the gateway (compiled, as `npm run bench` runs it) with
 * bench/heap-sampler.ts, warms a scenario up, samples allocations during the measured load while
 * dropping the samples of objects freed by scavenges, and prints the functions that allocated the
 * rest, per operation and per package. The profile stays in bench/results/profiles/ (Chrome
 * DevTools opens .heapprofile files).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sampleCheck } from './lib/check.js';
import { COMPILED_DIR } from './lib/compile.js';
import { groupOf, shortLocation } from './lib/cpuprofile.js';
import { measure } from './lib/load.js';
import { choiceOption, helpText, numberOption, wantsHelp, type OptionSpec } from './lib/options.js';
import { ROOT, type StartedProcess } from './lib/processes.js';
import { fmt, table } from './lib/report.js';
import { plan, SCENARIO_DIALECT, SCENARIOS, type ScenarioName } from './lib/scenarios.js';
import { sourceLocator } from './lib/source-locations.js';
import { startGateway, startUpstream } from './lib/stack.js';

const SPECS = {
  scenario: {
    flag: 'scenario',
    env: 'BENCH_SCENARIO',
    default: 'list-20' as ScenarioName,
    description: 'The scenario to load the gateway with.',
  },
  duration: { flag: 'duration', env: 'BENCH_DURATION', default: 8, description: 'Seconds of sampled load.' },
  warmup: { flag: 'warmup', env: 'BENCH_WARMUP', default: 3, description: 'Seconds of load before sampling starts.' },
  connections: { flag: 'connections', env: 'BENCH_CONNECTIONS', default: 16, description: 'Concurrent connections.' },
  top: { flag: 'top', env: 'BENCH_TOP', default: 25, description: 'How many functions to list.' },
} satisfies Record<string, OptionSpec<unknown>>;

interface HeapProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: HeapProfileNode[];
}

interface Allocator {
  name: string;
  location: string;
  group: string;
  bytes: number;
}

async function main(): Promise<number> {
  if (wantsHelp()) {
    process.stdout.write(helpText('npm run bench:promoted [-- options]', Object.values(SPECS)));
    return 0;
  }
  const scenario = choiceOption(SPECS.scenario, SCENARIOS);
  const durationSec = numberOption(SPECS.duration, 1, 120);
  const warmupSec = numberOption(SPECS.warmup, 1, 60);
  const connections = numberOption(SPECS.connections, 1, 512);
  const top = numberOption(SPECS.top, 5, 200);

  const directory = join(ROOT, 'bench', 'results', 'profiles');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `promoted-${scenario}-${new Date().toISOString().replace(/[:.]/g, '-')}.heapprofile`);

  const dialect = SCENARIO_DIALECT[scenario];
  const upstream = await startUpstream({ dialect });
  let load: Awaited<ReturnType<typeof measure>>;
  try {
    const gateway = await startGateway({
      upstreamUrl: upstream.url,
      dialect,
      runner: 'compiled',
      preload: ['bench/heap-sampler.ts'],
      ipc: true,
      env: { BENCH_HEAP_SAMPLER: '1' },
    });
    try {
      const scenarioPlan = plan(scenario, 'gateway');
      const origin = new URL(gateway.url).origin;
      const check = await sampleCheck(origin, scenarioPlan, () => upstream.count());
      if (check.problem) throw new Error(`the gateway answers ${scenario} wrongly: ${check.problem}`);
      process.stdout.write(
        `sampling ${scenario} on the gateway: ${warmupSec} s warm-up, then ${durationSec} s at ${connections} connections…\n`,
      );
      const options = {
        origin,
        plan: scenarioPlan,
        connections,
        serverPid: gateway.pid,
        upstreamPid: upstream.pid,
        upstreamCount: () => upstream.count(),
      };
      await measure({ ...options, durationSec: warmupSec, warmupSec: 0 });
      await sampling(gateway, { action: 'start' });
      load = await measure({ ...options, durationSec, warmupSec: 0 });
      await sampling(gateway, { action: 'stop', file });
    } finally {
      await gateway.stop();
    }
  } finally {
    await upstream.stop();
  }

  const profile = JSON.parse(readFileSync(file, 'utf8')) as { head: HeapProfileNode };
  const sourceRoot = `${pathToFileURL(join(COMPILED_DIR, 'src')).href}/`;
  const nodes: HeapProfileNode[] = [];
  const collect = (node: HeapProfileNode) => {
    nodes.push(node);
    for (const child of node.children) collect(child);
  };
  collect(profile.head);
  const locate = await sourceLocator(new Set(nodes.map((node) => node.callFrame.url).filter((url) => url.startsWith(sourceRoot))));

  const byFunction = new Map<string, Allocator>();
  const byGroup = new Map<string, number>();
  let total = 0;
  for (const node of nodes) {
    if (node.selfSize === 0) continue;
    const frame = node.callFrame;
    const group = groupOf(frame, sourceRoot);
    const location = shortLocation(frame, sourceRoot, locate);
    const name = frame.functionName || '(anonymous)';
    const key = `${name} ${location}`;
    const entry = byFunction.get(key) ?? { name, location, group, bytes: 0 };
    entry.bytes += node.selfSize;
    byFunction.set(key, entry);
    byGroup.set(group, (byGroup.get(group) ?? 0) + node.selfSize);
    total += node.selfSize;
  }

  const operations = load.operations;
  const perOp = (bytes: number) => fmt(bytes / operations, 4);
  const pct = (bytes: number) => `${((bytes / total) * 100).toFixed(1)}%`;
  const out = process.stdout;
  out.write(
    `\nprofile: ${file.slice(ROOT.length)}\n` +
      `load while sampled: ${operations} operations, ${fmt(load.opsPerSec)} ops/s, peak RSS ${fmt(load.serverPeakRssBytes / 2 ** 20)} MB\n` +
      `sampled, not freed by a scavenge: ${fmt(total / 2 ** 20)} MB, ${perOp(total)} bytes per operation ` +
      `(sampling estimates; an optimized function's figure includes what the functions inlined into it allocated)\n\n`,
  );
  const functions = [...byFunction.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top);
  out.write(
    `Top ${top} allocating functions\n` +
      table(
        ['#', 'bytes/op', 'share', 'group', 'function', 'location'],
        functions.map((f, i) => [String(i + 1), perOp(f.bytes), pct(f.bytes), f.group, f.name, f.location]),
        'rrrlll',
      ) +
      '\n\nBy package\n' +
      table(
        ['group', 'bytes/op', 'share'],
        [...byGroup].sort((a, b) => b[1] - a[1]).map(([group, bytes]) => [group, perOp(bytes), pct(bytes)]),
        'lrr',
      ) +
      '\n',
  );
  return 0;
}

async function sampling(gateway: StartedProcess, message: Record<string, unknown>): Promise<void> {
  const answer = await gateway.ask<{ ok?: true; error?: string }>({ type: 'heap-sampling', ...message }, 60_000);
  if (answer.error) throw new Error(`heap sampling ${String(message['action'])} failed in the gateway: ${answer.error}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench:promoted failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
