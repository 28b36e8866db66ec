/**
 * Starts the measured servers as child processes on loopback and stops them again. Each child
 * prints one line with its URL when it is ready; the rest of its output is kept (bounded) for
 * error messages only, so a chatty logger cannot fill the benchmark's memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { childPids, commandLine } from './proc.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX_BIN = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/**
 * How a TypeScript entry is run:
 * - `node`: `node --import tsx entry.ts`, one process;
 * - `tsx`: the `tsx` CLI, which runs the entry in a child node process; that child is the one
 *   measured;
 * - `compiled`: plain `node entry.js` on JavaScript transpiled beforehand (./compile.ts), as
 *   `npm start` runs the gateway (from dist/, built by tsc); the entry and preloads must then be
 *   .js files. The bench and the soak default to it for the gateway.
 */
export type Runner = 'node' | 'tsx' | 'compiled';
export const RUNNERS: readonly Runner[] = ['node', 'tsx', 'compiled'];

export interface StartOptions {
  /** Shown in messages and tables. */
  name: string;
  /** Path of the TypeScript entry, relative to the repository root. */
  entry: string;
  /** Command-line arguments for the entry. */
  args?: readonly string[];
  runner?: Runner;
  /** Extra node flags, e.g. `--cpu-prof`. Put before `--import tsx`. */
  nodeArgs?: readonly string[];
  /** TypeScript modules to preload after tsx is registered (e.g. bench/heap-probe.ts). */
  preload?: readonly string[];
  /** Merged over the benchmark's own environment. */
  env?: Readonly<Record<string, string>>;
  /** Matches the ready line; its first group is the URL the server answers on. */
  ready: RegExp;
  /** Open an IPC channel (for the demo upstream's request counter and the heap probe). */
  ipc?: boolean;
  /** @default 30000 */
  startTimeoutMs?: number;
}

export interface StartedProcess {
  name: string;
  child: ChildProcess;
  /** The process doing the work (for `tsx`, the node child of the CLI), for /proc readings. */
  pid: number;
  url: string;
  /** The last ~64 KiB of stdout and stderr. */
  output(): string;
  /** Sends a message over IPC and waits for the answer with the same `id`. */
  ask<T>(message: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed). */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL now (the measured process too, when it is not the direct child). */
  kill(): void;
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

const OUTPUT_LIMIT = 64 * 1024;

export async function startProcess(options: StartOptions): Promise<StartedProcess> {
  const runner = options.runner ?? 'node';
  const nodeArgs = options.nodeArgs ?? [];
  const preload = (options.preload ?? []).flatMap((module) => ['--import', `./${module}`]);
  const entry = [options.entry, ...(options.args ?? [])];
  const [command, args] =
    runner === 'tsx'
      ? [TSX_BIN, [...nodeArgs, ...preload, ...entry]]
      : runner === 'compiled'
        ? [process.execPath, [...nodeArgs, ...preload, ...entry]]
        : [process.execPath, [...nodeArgs, '--import', 'tsx', ...preload, ...entry]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_LIMIT * 2) output = output.slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  let nextId = 1;
  child.on('message', (message: { id?: number }) => {
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    pending.delete(message.id);
    clearTimeout(waiter.timer);
    waiter.resolve(message);
  });

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  let url: string | undefined;
  while (url === undefined) {
    url = options.ready.exec(output)?.[1];
    if (url !== undefined) break;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.name} exited before it was ready (code ${child.exitCode}):\n${output.slice(-4000)}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready within ${options.startTimeoutMs ?? 30_000} ms:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  const pid = runner === 'tsx' ? findEntryProcess(child.pid ?? -1, options.entry) : (child.pid ?? -1);
  if (pid < 0) throw new Error(`${options.name}: cannot find the process running ${options.entry}`);

  return {
    name: options.name,
    child,
    pid,
    url,
    output: () => output,
    ask<T>(message: Record<string, unknown>, timeoutMs = 10_000): Promise<T> {
      if (!child.connected) return Promise.reject(new Error(`${options.name} has no IPC channel`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${options.name} did not answer ${JSON.stringify(message)} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        child.send({ ...message, id });
      });
    },
    async stop(graceMs = 15_000): Promise<number | null> {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        // The tsx CLI relays signals to its node child, but a SIGKILL of the CLI alone would
        // leave that child running as an orphan.
        if (pid !== child.pid) killQuietly(pid, 'SIGKILL');
        child.kill('SIGKILL');
      }, graceMs);
      const [code] = await exited;
      clearTimeout(timer);
      return code;
    },
    kill(): void {
      if (pid !== child.pid) killQuietly(pid, 'SIGKILL');
      child.kill('SIGKILL');
    },
  };
}

/** The descendant node process whose command line runs `entry` (the tsx CLI spawns one). */
function findEntryProcess(root: number, entry: string): number {
  const queue = [root];
  let found = -1;
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    const cmd = commandLine(pid);
    if (cmd.includes(entry) && !cmd.includes('esbuild')) found = pid;
    queue.push(...childPids(pid));
  }
  return found;
}
