/**
 * WORKERS: several gateway processes behind one port (node:cluster), on the real process tree:
 * which processes answer, what /metrics adds up, what happens when a worker dies, and shutdown.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childPids,
  isRunning,
  killGatewayProcess,
  onNewConnection,
  postOnNewConnection,
  startGatewayProcess,
  stopGatewayProcess,
  spawnGateway,
  waitFor,
  type Started,
} from './helpers/gateway-process.js';

const QUERY = 'query WorkersPage { organizations(first: 2) { edges { node { name } } } }';
const AUTHORIZATION = { authorization: 'Bearer demo-admin-token' };

/** Sends `count` operations, each on a connection of its own; resolves with their request ids. */
async function operations(started: Started, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = randomUUID();
    const answer = await postOnNewConnection(started.endpoint, QUERY, { ...AUTHORIZATION, 'x-request-id': id });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { organizations: { edges: [{}, {}] } } });
    ids.push(id);
  }
  return ids;
}

/** The pids that logged the operations with these request ids (log lines arrive within ~2 s). */
async function answeredBy(started: Started, ids: string[]): Promise<Set<number>> {
  const lines = await waitFor(
    () => {
      const found = started.logLines().filter((line) => ids.includes(line['requestId'] as string));
      return found.length === ids.length && found;
    },
    10_000,
    () => `not every operation was logged:\n${started.stdout()}`,
  );
  return new Set(lines.map((line) => line.pid));
}

async function metricsText(started: Started): Promise<string> {
  const answer = await onNewConnection(started.endpoint.replace('/graphql', '/metrics'));
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('WORKERS=2', () => {
  let started: Started;
  let primary: number;
  beforeAll(async () => {
    started = await startGatewayProcess({ WORKERS: '2' });
    primary = started.banner.pid;
    await waitFor(
      () => childPids(primary).length === 2,
      10_000,
      () => 'the primary did not fork two workers',
    );
  });
  afterAll(async () => {
    const workers = childPids(primary);
    killGatewayProcess(started);
    for (const pid of workers) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  });

  it('announces one endpoint, with the number of workers, from the primary', () => {
    expect(started.banner).toMatchObject({ workers: 2, pid: primary });
    expect(started.logLines().filter((line) => line['endpoint'] !== undefined)).toHaveLength(1);
  });

  it('answers from both worker processes, one connection after another', async () => {
    const pids = await answeredBy(started, await operations(started, 6));
    expect([...pids].sort()).toEqual(childPids(primary).sort());
  });

  it('serves /metrics with every worker counted, whichever worker answers the scrape', async () => {
    const before = await metricsText(started);
    const count = (text: string) =>
      Number(/graphql_operations_total\{operation="WorkersPage",type="query",outcome="ok"\} (\d+)/.exec(text)?.[1] ?? 0);
    const ids = await operations(started, 4);
    // The 4 operations went to both workers (the test above shows how connections alternate).
    expect((await answeredBy(started, ids)).size).toBe(2);
    for (let i = 0; i < 2; i += 1) {
      const text = await metricsText(started);
      expect(count(text)).toBe(count(before) + 4);
      // Per-process gauges are combined as declared: the circuit as the worst worker's.
      expect(text).toMatch(/^upstream_circuit_state 0$/m);
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    }
  });

  it('replaces a worker that is killed, and keeps serving meanwhile', async () => {
    const [victim, survivor] = childPids(primary);
    process.kill(victim!, 'SIGKILL');
    const replaced = await waitFor(
      () => {
        const now = childPids(primary);
        return now.length === 2 && !now.includes(victim!) && now;
      },
      10_000,
      () => `the killed worker was not replaced:\n${started.stdout()}`,
    );
    expect(replaced).toContain(survivor);
    const report = await waitFor(
      () => started.logLines().find((line) => line['worker'] === victim),
      5_000,
      () => `the primary did not log the worker's exit:\n${started.stdout()}`,
    );
    expect(report).toMatchObject({
      level: 'error',
      signal: 'SIGKILL',
      msg: expect.stringContaining(`worker ${victim} exited (SIGKILL); starting another`),
    });
    // The new worker serves too once it listens: connections alternate again.
    const newcomer = replaced.find((pid) => pid !== survivor)!;
    const deadline = Date.now() + 15_000;
    let pids = new Set<number>();
    while (!pids.has(newcomer) && Date.now() < deadline) pids = await answeredBy(started, await operations(started, 2));
    expect(pids.has(newcomer)).toBe(true);
  });

  it('on SIGTERM lets every worker finish, then exits 0 with no process left', async () => {
    const workers = childPids(primary);
    expect(await stopGatewayProcess(started)).toBe(0);
    for (const pid of [primary, ...workers]) expect(isRunning(pid), `process ${pid}`).toBe(false);
    const finishing = started.logLines().filter((line) => line.msg === 'SIGTERM: finishing in-flight requests, then exiting');
    expect(new Set(finishing.map((line) => line.pid))).toEqual(new Set(workers));
    for (const line of started
      .stdout()
      .split('\n')
      .filter((text) => text !== ''))
      expect(() => JSON.parse(line), line).not.toThrow();
  });
});

describe('WORKERS=2 when the port is taken', () => {
  it('stops start-up with exit code 1 instead of replacing workers that cannot listen', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = holder.address() as { port: number };
      const gateway = spawnGateway({ WORKERS: '2', PORT: String(port), UPSTREAM_URL: 'http://127.0.0.1:9' });
      const [code] = await Promise.race([gateway.closed, new Promise<[string]>((resolve) => setTimeout(() => resolve(['hung']), 15_000))]);
      killGatewayProcess(gateway);
      expect(code).toBe(1);
      expect(gateway.stderr()).toContain('EADDRINUSE');
      expect(gateway.logLines()).toContainEqual(
        expect.objectContaining({ level: 'error', msg: expect.stringContaining('exited before it listened; stopping') }),
      );
    } finally {
      holder.close();
    }
  });
});
