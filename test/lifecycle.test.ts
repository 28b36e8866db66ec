/**
 * The gateway's lifecycle as an orchestrator sees it: liveness and readiness endpoints, and a
 * graceful shutdown of the real process on SIGTERM/SIGINT.
 */
import { print } from 'graphql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDemoUpstream, type DemoUpstream } from '../src/dialects/basedash/demo/upstream.js';
import { graphql } from './gql/gql.js';
import { GatewayMetrics } from '../src/observability/metrics.js';
import { killGatewayProcess, startGatewayProcess, type Started } from './helpers/gateway-process.js';
import { DEMO_TOKENS, errorCodes, postGraphQL, startGateway, startStack, type GatewayHandle, type Stack } from './helpers/stack.js';
import { unusedPort } from './helpers/ports.js';

const Names = graphql(`
  query LifecycleNames {
    organizations(first: 2) {
      edges {
        node {
          name
        }
      }
    }
  }
`);

/** The gateway's origin, where /livez and /readyz live next to /graphql. */
const originOf = (graphqlUrl: string) => new URL(graphqlUrl).origin;

async function readiness(gatewayUrl: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${originOf(gatewayUrl)}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Moves the faked Date on (the tests that freeze it); timers and I/O keep real time. */
function advanceClock(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

describe('liveness', () => {
  it('answers GET /livez with 200 without calling the upstream, even when the upstream is down', async () => {
    const gateway = await startGateway(`http://127.0.0.1:${await unusedPort()}`);
    try {
      const response = await fetch(`${originOf(gateway.url)}/livez`);
      expect(response.status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});

describe('readiness', () => {
  let stack: Stack;
  let metrics: GatewayMetrics;
  beforeAll(async () => {
    // The gauges read the client that startStack makes, once it exists.
    let handle: GatewayHandle | undefined;
    metrics = new GatewayMetrics({
      processMetrics: false,
      circuitState: () => handle?.client.circuitState ?? 'closed',
      lastProbe: () => handle?.client.lastProbe,
    });
    // The probe cache and the breaker (cockatiel, the failure window) read Date.now(): a frozen
    // clock, moved on by the tests, instead of waiting.
    vi.useFakeTimers({ toFake: ['Date'] });
    stack = await startStack({
      gateway: { readinessCacheMs: 200, circuitBreakerFailures: 3, circuitBreakerResetMs: 1_000, retries: 0, metrics },
    });
    handle = stack.gateway;
  });
  afterAll(async () => {
    await stack.close();
    vi.useRealTimers();
  });
  beforeEach(async () => {
    // Let the previous test's probe result go stale, and start from a good call.
    advanceClock(250);
    stack.upstream.reset();
    await stack.query(Names, {});
    stack.upstream.reset();
  });

  it('answers 200 with the latest probe in its body, probing without any caller token', async () => {
    const ready = await readiness(stack.gateway.url);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', upstream: { circuit: 'closed', lastProbe: { reachable: true, status: 401 } } });
    const probes = stack.apiCalls();
    expect(probes).toHaveLength(1);
    expect(probes[0]!.method).toBe('GET');
    expect(probes[0]!.headers.authorization).toBeUndefined();
  });

  it('reuses one probe for checks that arrive close together', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => readiness(stack.gateway.url)));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
    expect(stack.apiCalls()).toHaveLength(1);
  });

  it('stays 200 when the upstream fails, with the reason in the body and nothing of its answer', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 503, body: { error: { title: 'Down', detail: 'db at 10.0.0.5 is down' } } });
    const ready = await readiness(stack.gateway.url);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', upstream: { lastProbe: { reachable: false, reason: 'upstream answered 503' } } });
    expect(JSON.stringify(ready.body)).not.toContain('10.0.0.5');
    expect(await metricValue(stack.gateway.url, 'upstream_probe_reachable')).toBe(0);
  });

  it('stays 200 during an outage (circuit open, shown in body and metrics) without calling the upstream, and shows the recovery', async () => {
    // A good probe first: the previous test's failed probe still counts as one failing caller.
    expect((await readiness(stack.gateway.url)).body).toMatchObject({ upstream: { lastProbe: { reachable: true } } });
    // An outage: every caller's calls fail, so the circuit opens for everyone.
    stack.upstream.injectFault({ kind: 'status', status: 500, times: Number.POSITIVE_INFINITY });
    for (const token of [DEMO_TOKENS.admin, DEMO_TOKENS.member, DEMO_TOKENS.outsider]) {
      expect(errorCodes(await stack.query(Names, {}, { token }))).toEqual(['UPSTREAM_ERROR']);
    }
    expect(stack.gateway.client.circuitState).toBe('open');
    advanceClock(250);
    const calls = stack.apiCalls().length;
    const during = await readiness(stack.gateway.url);
    expect(during.status).toBe(200);
    expect(during.body).toMatchObject({
      status: 'ready',
      upstream: { circuit: 'open', lastProbe: { reachable: false, reason: 'circuit breaker open' } },
    });
    expect(stack.apiCalls()).toHaveLength(calls);
    expect(await metricValue(stack.gateway.url, 'upstream_circuit_state')).toBe(2);
    // Clients get a clear answer meanwhile, not a connection error.
    expect(errorCodes(await stack.query(Names, {}))).toEqual(['UPSTREAM_UNAVAILABLE']);

    advanceClock(1_050);
    stack.upstream.reset();
    // With no traffic, the readiness probe itself is the trial call that closes the circuit.
    const after = await readiness(stack.gateway.url);
    expect(after).toMatchObject({
      status: 200,
      body: { status: 'ready', upstream: { circuit: 'closed', lastProbe: { reachable: true } } },
    });
    expect(stack.gateway.client.circuitState).toBe('closed');
    expect(await metricValue(stack.gateway.url, 'upstream_circuit_state')).toBe(0);
    expect(await metricValue(stack.gateway.url, 'upstream_probe_reachable')).toBe(1);
  });

  it('answers 503 "draining" once shutdown has begun, while operations are still answered', async () => {
    const gateway = await startGateway(stack.upstream.url);
    try {
      expect((await readiness(gateway.url)).status).toBe(200);
      gateway.drain();
      expect(await readiness(gateway.url)).toEqual({ status: 503, body: { status: 'draining' } });
      expect(errorCodes(await postGraphQL(gateway.url, print(Names), {}))).toEqual([]);
    } finally {
      await gateway.close();
    }
  });
});

describe('readiness when the upstream is not listening', () => {
  let gateway: GatewayHandle;
  beforeAll(async () => {
    gateway = await startGateway(`http://127.0.0.1:${await unusedPort()}`);
  });
  afterAll(() => gateway.close());

  it('answers 200 with the reason "upstream unreachable" in the body', async () => {
    const ready = await readiness(gateway.url);
    expect(ready).toMatchObject({
      status: 200,
      body: { status: 'ready', upstream: { circuit: 'closed', lastProbe: { reachable: false, reason: 'upstream unreachable' } } },
    });
  });
});

/** One unlabelled series' value from GET /metrics. */
async function metricValue(gatewayUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${originOf(gatewayUrl)}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line.slice(name.length + 1));
}

describe.each(['SIGTERM', 'SIGINT'] as const)('graceful shutdown on %s', (signal) => {
  let upstream: DemoUpstream;
  let started: Started;
  beforeEach(async () => {
    upstream = await startDemoUpstream();
    started = await startGatewayProcess({ UPSTREAM_URL: upstream.url });
  });
  afterEach(async () => {
    killGatewayProcess(started);
    await upstream.close();
  });

  it('finishes an in-flight operation, refuses new connections, then exits 0', async () => {
    // The caller's call only: the gateway also probes the upstream (without a token) at start-up.
    upstream.injectFault({ kind: 'delay', ms: 800, match: { token: 'demo-admin-token' } });
    const exited = started.closed;
    const inFlight = postGraphQL<{ organizations: { edges: unknown[] } }>(
      started.endpoint,
      print(Names),
      {},
      { token: 'demo-admin-token' },
    );
    const calls = () => upstream.requests.filter((request) => request.headers.authorization !== undefined);
    // Wait until the gateway's call has reached the upstream, then ask it to stop.
    while (calls().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    started.child.kill(signal);
    await new Promise((resolve) => setTimeout(resolve, 200));

    await expect(fetch(started.endpoint, { method: 'POST' })).rejects.toThrow();
    const response = await inFlight;
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organizations.edges).toHaveLength(2);
    expect(calls()[0]!.aborted).toBe(false);
    const [code] = await exited;
    expect(code).toBe(0);
    expect(started.logLines().map((line) => line.msg)).toContain(`${signal}: finishing in-flight requests, then exiting`);
  });
});
