/**
 * Starts the processes a bench script measures, each on its own loopback port: the demo upstream,
 * the gateway (src/main.ts, exactly as deployed, pointed at the demo by UPSTREAM_URL), the bare proxy
 * and the bare yoga server. Children are killed if the bench script dies.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DialectName } from '../../src/dialects/names.js';
import { COMPILED_DIR, compileGateway } from './compile.js';
import { ROOT, startProcess, type Runner, type StartedProcess } from './processes.js';

const started = new Set<StartedProcess>();
process.on('exit', () => {
  for (const child of started) child.kill();
});

/** A URL in a ready line, plain or inside a JSON log line. */
const URL_IN_LINE = `(http://[^\\s"',)]+)`;

async function track(promise: Promise<StartedProcess>): Promise<StartedProcess> {
  const child = await promise;
  started.add(child);
  child.child.once('exit', () => started.delete(child));
  return child;
}

export interface UpstreamProcess extends StartedProcess {
  /** API requests the demo upstream has received so far. */
  count(): Promise<number>;
}

export async function startUpstream(
  options: { maxRecorded?: number; organizations?: number; dialect?: DialectName } = {},
): Promise<UpstreamProcess> {
  const dialect = options.dialect ?? 'basedash';
  const child = await track(
    startProcess({
      name: dialect === 'basedash' ? 'demo upstream' : `${dialect} demo upstream`,
      entry: 'bench/demo-upstream-process.ts',
      ipc: true,
      env: {
        DEMO_DIALECT: dialect,
        DEMO_PORT: '0',
        DEMO_MAX_RECORDED: String(options.maxRecorded ?? 0),
        DEMO_ORGANIZATIONS: String(options.organizations ?? 120),
      },
      ready: new RegExp(`demo upstream listening on ${URL_IN_LINE}`),
    }),
  );
  return Object.assign(child, {
    async count() {
      return (await child.ask<{ count: number }>({ type: 'count' })).count;
    },
  });
}

export interface GatewayStartOptions {
  upstreamUrl: string;
  /** UPSTREAM_DIALECT of the gateway (default basedash). */
  dialect?: DialectName;
  runner?: Runner;
  nodeArgs?: readonly string[];
  /** Modules loaded into the gateway before src/main.ts, e.g. bench/heap-probe.ts. */
  preload?: readonly string[];
  env?: Readonly<Record<string, string>>;
  ipc?: boolean;
}

/**
 * The Node.js flags `npm start` gives the gateway (the V8 heap settings in package.json's start
 * script), so that the bench and the soak measure it as it is run.
 */
export function startNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/main\.js/.exec(scripts['start'] ?? '');
  if (!match) throw new Error('package.json: the start script no longer runs `node [flags] dist/main.js`; update bench/lib/stack.ts');
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

export async function startGateway(options: GatewayStartOptions): Promise<StartedProcess> {
  const runner = options.runner ?? 'node';
  const compiled = runner === 'compiled';
  const entry = compiled ? await compileGateway() : 'src/main.ts';
  const preload = compiled
    ? options.preload?.map((module) => relative(ROOT, join(COMPILED_DIR, module.replace(/\.ts$/, '.js'))))
    : options.preload;
  return track(
    startProcess({
      name: options.dialect && options.dialect !== 'basedash' ? `${options.dialect} gateway` : 'gateway',
      entry,
      runner,
      nodeArgs: [...startNodeFlags(), ...(options.nodeArgs ?? [])],
      ...(preload ? { preload } : {}),
      ipc: options.ipc ?? false,
      env: {
        ...options.env,
        UPSTREAM_DIALECT: options.dialect ?? 'basedash',
        UPSTREAM_URL: options.upstreamUrl,
        PORT: '0',
        HOST: '127.0.0.1',
      },
      ready: new RegExp(`listening on ${URL_IN_LINE}`),
    }),
  );
}

/**
 * Both variants of bench/gateway-variant.ts (the gateway with the lean path on and off), started
 * from one compilation (compiling again would replace files under a running one). Node runs with
 * its defaults: no flags from package.json's start script.
 */
export async function startGatewayVariants(options: {
  upstreamUrl: string;
  runner?: Runner;
}): Promise<{ on: StartedProcess; off: StartedProcess }> {
  const runner = options.runner ?? 'node';
  const source = 'bench/gateway-variant.ts';
  if (runner === 'compiled') await compileGateway();
  const entry = runner === 'compiled' ? relative(ROOT, join(COMPILED_DIR, source.replace(/\.ts$/, '.js'))) : source;
  const start = (leanPath: 'on' | 'off') =>
    track(
      startProcess({
        name: `gateway (lean path ${leanPath})`,
        entry,
        args: ['--lean-path', leanPath],
        runner,
        env: { UPSTREAM_URL: options.upstreamUrl, PORT: '0', HOST: '127.0.0.1' },
        ready: new RegExp(`lean path ${leanPath}\\) listening on ${URL_IN_LINE}`),
      }),
    );
  const on = await start('on');
  try {
    return { on, off: await start('off') };
  } catch (error) {
    await on.stop();
    throw error;
  }
}

export function startBareProxy(upstreamUrl: string, dialect: DialectName = 'basedash'): Promise<StartedProcess> {
  return track(
    startProcess({
      name: dialect === 'basedash' ? 'bare proxy' : `${dialect} bare proxy`,
      entry: 'bench/bare-proxy.ts',
      env: { UPSTREAM_URL: upstreamUrl, PORT: '0' },
      ready: new RegExp(`bare proxy listening on ${URL_IN_LINE}`),
    }),
  );
}

export function startBareYoga(): Promise<StartedProcess> {
  return track(
    startProcess({
      name: 'bare yoga',
      entry: 'bench/bare-yoga.ts',
      env: { PORT: '0' },
      ready: new RegExp(`bare yoga listening on ${URL_IN_LINE}`),
    }),
  );
}

/** Resets the demo's data (and its faults) through its HTTP control. */
export async function resetUpstream(upstreamUrl: string): Promise<void> {
  const response = await fetch(`${upstreamUrl}/__demo/reset`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`demo reset answered ${response.status}`);
}
