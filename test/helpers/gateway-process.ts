/**
 * The gateway as its own process, started the way `npm start` starts it: `node dist/main.js`
 * (built once by test/global-setup.ts) with nothing but environment variables, or `npm start`
 * itself. Its stdout is read as the JSON log lines it is.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type LogLine = Record<string, unknown> & { level: string; msg?: string; pid: number };

export interface GatewayProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** stdout's complete lines that are JSON, parsed. */
  logLines: () => LogLine[];
  /** Exit code and signal, once the process has ended and its output has been read to the end. */
  closed: Promise<[number | null, NodeJS.Signals | null]>;
}

export interface Started extends GatewayProcess {
  /** The GraphQL endpoint from the start-up log line, e.g. `http://127.0.0.1:43121/graphql`. */
  endpoint: string;
  /** The start-up log line. */
  banner: LogLine;
}

/** Runs `command` (default: node dist/main.js) in `cwd` (the repository) with only PATH, HOME and `env`. */
export function spawnGateway(
  env: Record<string, string>,
  args: string[] = [],
  command: string[] = [process.execPath, 'dist/main.js'],
  cwd: string = ROOT,
): GatewayProcess {
  const child = spawn(command[0]!, [...command.slice(1), ...args], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
  });
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const logLines = () =>
    stdout
      .split('\n')
      .slice(0, -1)
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as LogLine];
        } catch {
          return [];
        }
      });
  return { child, stdout: () => stdout, stderr: () => stderr, logLines, closed };
}

/** Starts the gateway and waits for the log line that says where it listens. */
export async function startGatewayProcess(env: Record<string, string>, command?: string[], cwd?: string): Promise<Started> {
  const gateway = spawnGateway({ PORT: '0', ...env }, [], command, cwd);
  const banner = await waitFor(
    () => gateway.logLines().find((line) => typeof line['endpoint'] === 'string'),
    30_000,
    () => `the gateway did not start:\n${gateway.stdout()}\n${gateway.stderr()}`,
    () => gateway.child.exitCode !== null,
  );
  return { ...gateway, endpoint: banner['endpoint'] as string, banner };
}

/**
 * Sends `signal` (if it still runs) and resolves with the exit code once its output has been read
 * to the end ('close', which comes after 'exit'), so the last log lines are in `stdout()`.
 */
export async function stopGatewayProcess(gateway: GatewayProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (gateway.child.exitCode === null && gateway.child.signalCode === null) gateway.child.kill(signal);
  const [code] = await gateway.closed;
  return code;
}

/** Kills what a failed test left running. */
export function killGatewayProcess(gateway: GatewayProcess | undefined): void {
  if (gateway && gateway.child.exitCode === null && gateway.child.signalCode === null) gateway.child.kill('SIGKILL');
}

/** Polls `probe` every 50 ms until it returns a value; fails after `timeoutMs` or when `gaveUp()`. */
export async function waitFor<T>(
  probe: () => T | undefined | false,
  timeoutMs: number,
  message: () => string,
  gaveUp: () => boolean = () => false,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (gaveUp() || Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The processes `pid` started that still run (Linux: /proc). */
export function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter((entry) => entry.trim() !== '')
        .map(Number),
    );
  } catch {
    return [];
  }
}

/** Whether a process with this id exists (a zombie counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * One HTTP exchange over a connection of its own, closed after the answer: node:cluster hands
 * each new connection to the next worker, so consecutive calls reach different workers.
 */
export function onNewConnection(
  url: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string }> {
  const body = options.body;
  const headers = { ...options.headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) };
  return new Promise((resolve, reject) => {
    const call = request(url, { method: options.method ?? 'GET', agent: false, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    call.on('error', reject);
    call.end(body);
  });
}

/** POSTs a GraphQL query over a connection of its own (see onNewConnection). */
export function postOnNewConnection(
  endpoint: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return onNewConnection(endpoint, {
    method: 'POST',
    body: JSON.stringify({ query }),
    headers: { 'content-type': 'application/json', ...headers },
  });
}
