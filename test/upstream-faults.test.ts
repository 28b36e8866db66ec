/**
 * Upstream faults, driven through the real HTTP path: a client → the gateway on loopback → the demo
 * upstream misbehaving on demand. Each case asserts what the client saw (`extensions.code`), what
 * the upstream received (attempts, methods, headers), that nothing leaked, and that the next
 * request succeeds. Timeouts are small, and deadlines and backoffs run on timers that the tests
 * move on (./helpers/manual-timers.ts), so the whole file runs in a few seconds and no case depends
 * on how fast the machine is.
 */
import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDemoUpstream, type DemoUpstream } from '../src/dialects/basedash/demo/upstream.js';
import { graphql } from './gql/gql.js';
import type { FaultNamesQuery } from './gql/graphql.js';
import { DEMO_TOKENS, errorCodes, postGraphQL, startGateway, startStack, type GraphQLResponse, type Stack } from './helpers/stack.js';
import { ManualTimers } from './helpers/manual-timers.js';
import { unusedPort } from './helpers/ports.js';

const Names = graphql(`
  query FaultNames {
    organizations(first: 3) {
      edges {
        node {
          name
        }
      }
    }
  }
`);

const Create = graphql(`
  mutation FaultCreate($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        name
      }
      userErrors {
        code
      }
    }
  }
`);

const AllSecrets = graphql(`
  query FaultAllSecrets {
    organizations(first: 100) {
      edges {
        node {
          upstreamId
          jwtSecret
        }
      }
    }
  }
`);

const Update = graphql(`
  mutation FaultUpdate($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      organization {
        name
      }
      userErrors {
        code
      }
    }
  }
`);

const Secrets = graphql(`
  query FaultSecrets($id: ID!) {
    organizations(first: 5) {
      edges {
        node {
          upstreamId
          name
          jwtSecret
        }
      }
    }
    organization(id: $id) {
      upstreamId
      name
      jwtSecret
    }
  }
`);

/**
 * Settings small enough to keep every case fast; the breaker is out of the way unless a test wants
 * it. undici checks its headers and body timeouts on a clock that ticks about every half second, so
 * a 200 ms timeout fires within about 1.2 s; slow faults below hang far longer (HANG_MS).
 */
const FAST = {
  operationTimeoutMs: 3_000,
  headersTimeoutMs: 200,
  bodyTimeoutMs: 200,
  retryBaseDelayMs: 20,
  retryMaxDelayMs: 100,
  circuitBreakerFailures: 1_000,
} as const;

/**
 * Longer than any test runs (vitest gives each 20 s): an upstream delayed by this does not answer
 * within the test, and a gateway timeout set to it does not fire, so a test's outcome never
 * depends on which of two real timers fires first.
 */
const HANG_MS = 60_000;

const globalId = (upstreamId: string) => Buffer.from(`Organization:${upstreamId}`).toString('base64');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nothing of the upstream's own answer, address or the caller's token reaches the client. */
function expectNoLeak(response: GraphQLResponse<unknown>, upstreamUrl: string, ...secrets: string[]): void {
  const text = JSON.stringify(response.body);
  const { host, port } = new URL(upstreamUrl);
  for (const secret of [DEMO_TOKENS.admin, host, port, 'ECONN', 'UND_ERR', 'Socket', 'undici', ...secrets])
    expect(text).not.toContain(secret);
  // No stack frame either.
  expect(text).not.toMatch(/:\d+:\d+\)/);
}

function expectNames(response: GraphQLResponse<{ organizations: { edges: unknown[] } }>): void {
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data!.organizations.edges).toHaveLength(3);
}

describe('upstream faults on reads', () => {
  let stack: Stack;
  let timers: ManualTimers;
  beforeAll(async () => {
    // A backoff passes at once (its length is recorded), and the operation deadline never passes
    // here: only undici's own headers and body timeouts can end a slow call.
    vi.useFakeTimers({ toFake: ['Date'] });
    timers = new ManualTimers();
    stack = await startStack({ gateway: { ...FAST, timers } });
  });
  afterAll(async () => {
    await stack.close();
    vi.useRealTimers();
  });
  beforeEach(() => {
    stack.upstream.reset();
    timers.slept.length = 0;
  });

  const attempts = () => stack.apiCalls().map((call) => call.method);

  async function expectRecovery(): Promise<void> {
    stack.upstream.reset();
    expectNames(await stack.query(Names, {}));
    expect(attempts()).toEqual(['GET']);
  }

  it('answers UPSTREAM_UNAVAILABLE when the upstream is not listening, and recovers once it is', async () => {
    const port = await unusedPort();
    const gateway = await startGateway(`http://127.0.0.1:${port}`, FAST);
    let upstream: DemoUpstream | undefined;
    try {
      const refused = await postGraphQL<FaultNamesQuery>(gateway.url, print(Names));
      expect(errorCodes(refused)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expectNoLeak(refused, `http://127.0.0.1:${port}`);

      upstream = await startDemoUpstream({ port });
      expectNames(await postGraphQL<FaultNamesQuery>(gateway.url, print(Names)));
    } finally {
      await gateway.close();
      await upstream?.close();
    }
  });

  it('retries a GET once when the connection is reset before the answer, and succeeds', async () => {
    stack.upstream.injectFault({ kind: 'reset' });
    expectNames(await stack.query(Names, {}));
    expect(attempts()).toEqual(['GET', 'GET']);
  });

  it('answers UPSTREAM_UNAVAILABLE after 1 + UPSTREAM_RETRIES attempts when every attempt is reset', async () => {
    stack.upstream.injectFault({ kind: 'reset', times: 3 });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(attempts()).toEqual(['GET', 'GET', 'GET']);
    expectNoLeak(response, stack.upstream.url);
    await expectRecovery();
  });

  it('answers UPSTREAM_UNAVAILABLE when every attempt is reset in the middle of the body', async () => {
    stack.upstream.injectFault({ kind: 'resetBody', times: 3 });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(attempts()).toEqual(['GET', 'GET', 'GET']);
    expectNoLeak(response, stack.upstream.url, 'Acme', 'name');
    await expectRecovery();
  });

  it('answers UPSTREAM_TIMEOUT, without a retry, when the headers are slower than UPSTREAM_HEADERS_TIMEOUT_MS', async () => {
    stack.upstream.injectFault({ kind: 'delay', ms: HANG_MS });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(attempts()).toEqual(['GET']);
    expectNoLeak(response, stack.upstream.url);
    await expectRecovery();
  });

  it('answers UPSTREAM_TIMEOUT when the body stalls for longer than UPSTREAM_BODY_TIMEOUT_MS', async () => {
    stack.upstream.injectFault({ kind: 'slowBody', ms: HANG_MS });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(attempts()).toEqual(['GET']);
    expectNoLeak(response, stack.upstream.url);
    await expectRecovery();
  });

  it.each([
    ['not JSON at all', '<html>oops</html>'],
    ['truncated JSON', '{"data": [{"id": "org_1", "na'],
  ])('answers UPSTREAM_BAD_RESPONSE, without a retry, for a 200 whose body is %s', async (_, body) => {
    stack.upstream.injectFault({ kind: 'badBody', body });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_BAD_RESPONSE']);
    expect(attempts()).toEqual(['GET']);
    expectNoLeak(response, stack.upstream.url, 'oops', 'org_1');
    await expectRecovery();
  });

  it('answers UPSTREAM_BAD_RESPONSE for a 200 whose JSON breaks the contract', async () => {
    stack.upstream.injectFault({
      kind: 'badBody',
      body: JSON.stringify({ data: [{ id: 'org_x', name: 42 }], pagination: { hasMore: false, nextCursor: null } }),
    });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_BAD_RESPONSE']);
    expect(attempts()).toEqual(['GET']);
    expectNoLeak(response, stack.upstream.url, 'org_x');
    await expectRecovery();
  });

  it.each([502, 503, 504])('retries a GET through a burst of %i answers and then succeeds', async (status) => {
    stack.upstream.injectFault({ kind: 'status', status, times: 2 });
    expectNames(await stack.query(Names, {}));
    expect(attempts()).toEqual(['GET', 'GET', 'GET']);
  });

  it('answers UPSTREAM_ERROR once the retries are used up, without the upstream detail', async () => {
    stack.upstream.injectFault({
      kind: 'status',
      status: 503,
      times: 3,
      body: { error: { title: 'Overloaded', detail: 'shard 7 at 10.1.2.3 is down' } },
    });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_ERROR']);
    expect(attempts()).toEqual(['GET', 'GET', 'GET']);
    expectNoLeak(response, stack.upstream.url, 'shard 7', '10.1.2.3', 'Overloaded');
    await expectRecovery();
  });

  it('does not retry a 500, which may be a bug that a retry would only repeat', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 500 });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_ERROR']);
    expect(attempts()).toEqual(['GET']);
    await expectRecovery();
  });

  it('retries after a short retryAfterMs of a 429 and succeeds', async () => {
    stack.upstream.injectFault({
      kind: 'status',
      status: 429,
      body: { error: { title: 'RateLimitExceeded', detail: 'slow down', retryAfterMs: 150 } },
    });
    expectNames(await stack.query(Names, {}));
    expect(timers.slept).toEqual([150]);
    expect(attempts()).toEqual(['GET', 'GET']);
  });

  it('answers RATE_LIMITED at once when retryAfterMs does not fit the operation deadline', async () => {
    stack.upstream.injectFault({
      kind: 'status',
      status: 429,
      body: { error: { title: 'RateLimitExceeded', detail: 'slow down', retryAfterMs: 5_000 } },
    });
    const response = await stack.query(Names, {});
    // At once: nothing slept, and with the deadline never passing, a wait for it would never end.
    expect(timers.slept).toEqual([]);
    expect(errorCodes(response)).toEqual(['RATE_LIMITED']);
    expect(response.body.errors![0]!.extensions!['retryAfterMs']).toBe(5_000);
    expect(attempts()).toEqual(['GET']);
    expectNoLeak(response, stack.upstream.url, 'slow down', 'RateLimitExceeded');
    await expectRecovery();
  });

  it('does not follow a redirect: the other host receives nothing and the client gets UPSTREAM_ERROR', async () => {
    const elsewhere = await startRecorder();
    try {
      stack.upstream.injectFault({
        kind: 'status',
        status: 302,
        headers: { location: `${elsewhere.url}/api/public/organizations` },
        body: {},
      });
      const response = await stack.query(Names, {});
      expect(errorCodes(response)).toEqual(['UPSTREAM_ERROR']);
      expect(attempts()).toEqual(['GET']);
      expect(elsewhere.received).toHaveLength(0);
      expectNoLeak(response, stack.upstream.url, elsewhere.url);
      await expectRecovery();
    } finally {
      await elsewhere.close();
    }
  });
});

describe('upstream faults on writes', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: FAST });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it.each([
    ['a 503', { kind: 'status', status: 503 } as const, 'UPSTREAM_ERROR'],
    ['a reset', { kind: 'reset' } as const, 'UPSTREAM_UNAVAILABLE'],
    ['a reset mid-body', { kind: 'resetBody' } as const, 'UPSTREAM_UNAVAILABLE'],
  ])('sends createOrganization exactly once when the upstream answers %s', async (_, fault, code) => {
    stack.upstream.injectFault({ ...fault, match: { method: 'POST' } });
    const response = await stack.query(Create, { input: { name: 'Sent once' } });
    expect(errorCodes(response)).toEqual([code]);
    expectNoLeak(response, stack.upstream.url, 'ServiceUnavailable');
    expect(stack.apiCalls().map((call) => call.method)).toEqual(['POST']);

    stack.upstream.reset();
    const next = await stack.query(Create, { input: { name: 'Sent once' } });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data!.createOrganization.organization!.name).toBe('Sent once');
  });

  it('sends updateOrganization exactly once when the upstream answers 503', async () => {
    const list = await stack.query(Secrets, { id: globalId('missing') });
    const target = list.body.data!.organizations.edges.find((edge) => edge.node.jwtSecret !== null)!.node;
    stack.upstream.reset();
    stack.upstream.injectFault({ kind: 'status', status: 503, match: { method: 'PATCH' } });
    const response = await stack.query(Update, { input: { id: globalId(target.upstreamId), name: 'Renamed once' } });
    expect(errorCodes(response)).toEqual(['UPSTREAM_ERROR']);
    expect(stack.apiCalls().map((call) => call.method)).toEqual(['PATCH']);
  });
});

describe('circuit breaker', () => {
  const CALLERS = [DEMO_TOKENS.admin, DEMO_TOKENS.member, DEMO_TOKENS.outsider];
  let stack: Stack;
  let timers: ManualTimers;
  beforeAll(async () => {
    // The breaker (cockatiel) and the failure window read Date.now(): a frozen clock that the
    // tests move on, instead of waiting out CIRCUIT_BREAKER_RESET_MS. The gateway's own timers
    // (the deadline) move with it; undici's timeouts and I/O keep real time.
    vi.useFakeTimers({ toFake: ['Date'] });
    timers = new ManualTimers();
    stack = await startStack({ gateway: { ...FAST, retries: 0, circuitBreakerFailures: 3, circuitBreakerResetMs: 500, timers } });
  });
  afterAll(async () => {
    await stack.close();
    vi.useRealTimers();
  });
  beforeEach(async () => {
    // Each test starts with a closed circuit: move past an open one, then let a call close it.
    if (stack.gateway.client.circuitState !== 'closed') {
      await timers.advance(550);
      stack.upstream.reset();
      await stack.query(Names, {});
    }
    stack.upstream.reset();
  });

  it('opens after CIRCUIT_BREAKER_FAILURES failures across CIRCUIT_BREAKER_MIN_CALLERS callers, then fails fast for everyone without calling the upstream', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 500, times: Number.POSITIVE_INFINITY });
    for (const token of CALLERS) expect(errorCodes(await stack.query(Names, {}, { token }))).toEqual(['UPSTREAM_ERROR']);
    expect(stack.apiCalls()).toHaveLength(3);
    expect(stack.gateway.client.circuitState).toBe('open');

    // Fast: the answer waits for nothing. The gateway's clock stands still, so an answer that
    // waited for a deadline or a backoff would never come.
    const fast = await stack.query(Names, {});
    expect(errorCodes(fast)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(fast.body.errors![0]!.message).toMatch(/not calling it for the next 1 s/);
    expect(fast.body.errors![0]!.extensions!['retryAfterMs']).toBeGreaterThan(0);
    expect(fast.body.errors![0]!.extensions!['retryAfterMs']).toBeLessThanOrEqual(500);
    expect(stack.apiCalls()).toHaveLength(3);
    expectNoLeak(fast, stack.upstream.url, 'InternalServerError');
  });

  it('lets one trial call through after CIRCUIT_BREAKER_RESET_MS and closes when it succeeds', async () => {
    stack.upstream.injectFault({ kind: 'reset', times: 3 });
    for (const token of CALLERS) expect(errorCodes(await stack.query(Names, {}, { token }))).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(stack.gateway.client.circuitState).toBe('open');
    await timers.advance(550);
    expect(stack.gateway.client.circuitState).toBe('half-open');
    stack.upstream.reset();
    expectNames(await stack.query(Names, {}));
    expect(stack.apiCalls()).toHaveLength(1);
    expect(stack.gateway.client.circuitState).toBe('closed');
  });

  it('does not count answers about the request (4xx) or the caller (an expired deadline)', async () => {
    for (let i = 0; i < 4; i += 1) expect(errorCodes(await stack.query(Names, {}, { token: 'wrong-token' }))).toEqual(['UNAUTHENTICATED']);
    stack.upstream.injectFault({ kind: 'status', status: 404, times: 4 });
    for (let i = 0; i < 4; i += 1) await stack.query(Secrets, { id: globalId(`gone-${i}`) });
    expect(stack.gateway.client.circuitState).toBe('closed');
  });
});

describe('operation deadline', () => {
  let stack: Stack;
  let timers: ManualTimers;
  beforeAll(async () => {
    // The deadline and the backoffs run on the test's timers (a backoff passes at once, moving the
    // clock on); undici's own timeouts are out of reach, so only the deadline can end a slow call.
    vi.useFakeTimers({ toFake: ['Date'] });
    timers = new ManualTimers();
    stack = await startStack({
      gateway: {
        operationTimeoutMs: 400,
        headersTimeoutMs: HANG_MS,
        bodyTimeoutMs: HANG_MS,
        retries: 10,
        retryBaseDelayMs: 60,
        retryMaxDelayMs: 300,
        circuitBreakerFailures: 1_000,
        timers,
      },
    });
  });
  afterAll(async () => {
    await stack.close();
    vi.useRealTimers();
  });
  beforeEach(() => {
    stack.upstream.reset();
    timers.slept.length = 0;
  });

  it('stops retrying a failing upstream when the next backoff would not fit OPERATION_TIMEOUT_MS', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 503, times: Number.POSITIVE_INFINITY });
    const started = Date.now();
    const response = await stack.query(Names, {});
    // The upstream's own answer, not the deadline's: the gateway gave up before the deadline.
    expect(errorCodes(response)).toEqual(['UPSTREAM_ERROR']);
    expect(stack.apiCalls().length).toBeGreaterThan(1);
    expect(stack.apiCalls().length).toBeLessThan(11);
    // Each retry came after its backoff, and the last one still had an attempt's time (100 ms) left.
    expect(stack.apiCalls()).toHaveLength(timers.slept.length + 1);
    expect(Date.now() - started).toBeLessThanOrEqual(400 - 100);
  });

  it('answers UPSTREAM_TIMEOUT when OPERATION_TIMEOUT_MS has passed, however slow the upstream is', async () => {
    stack.upstream.injectFault({ kind: 'delay', ms: HANG_MS, times: Number.POSITIVE_INFINITY });
    const pending = stack.query(Secrets, { id: globalId('org-any') });
    // The operation waits for an upstream that will not answer, under one deadline 400 ms from now.
    while (stack.apiCalls().length === 0) await sleep(5);
    expect(timers.waiting()).toEqual([400]);
    await timers.advance(400);
    const response = await pending;
    expect(errorCodes(response)).toContain('UPSTREAM_TIMEOUT');
    expect(errorCodes(response).every((code) => code === 'UPSTREAM_TIMEOUT')).toBe(true);
  });

  it('answers UPSTREAM_TIMEOUT when OPERATION_TIMEOUT_MS has passed while resets and slow answers alternate', async () => {
    stack.upstream.injectFault({ kind: 'reset' });
    stack.upstream.injectFault({ kind: 'slowBody', ms: HANG_MS, times: Number.POSITIVE_INFINITY });
    const started = Date.now();
    const pending = stack.query(Names, {});
    // The reset is retried after a backoff; the retry's answer stalls halfway through its body.
    while (stack.apiCalls().length < 2) await sleep(5);
    expect(timers.slept).toHaveLength(1);
    await timers.advanceTo(started + 400);
    expect(errorCodes(await pending)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(stack.apiCalls()).toHaveLength(2);
  });
});

describe('a half-open circuit and the operation deadline', () => {
  let stack: Stack;
  let timers: ManualTimers;
  beforeAll(async () => {
    // The breaker reads Date; the deadlines, the readiness probe's timeout and readiness's wait for
    // it run on the test's timers. undici's own timeouts are out of reach.
    vi.useFakeTimers({ toFake: ['Date'] });
    timers = new ManualTimers();
    stack = await startStack({
      gateway: {
        operationTimeoutMs: 400,
        headersTimeoutMs: HANG_MS,
        bodyTimeoutMs: HANG_MS,
        retries: 0,
        circuitBreakerFailures: 1,
        circuitBreakerMinCallers: 1,
        circuitBreakerResetMs: 200,
        timers,
      },
    });
  });
  afterAll(async () => {
    await stack.close();
    vi.useRealTimers();
  });

  it('answers callers when OPERATION_TIMEOUT_MS has passed while they wait for a hanging trial call', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 500 });
    expect(errorCodes(await stack.query(Names, {}))).toEqual(['UPSTREAM_ERROR']);
    expect(stack.gateway.client.circuitState).toBe('open');
    await timers.advance(250);
    stack.upstream.reset();
    stack.upstream.injectFault({ kind: 'delay', ms: HANG_MS, times: Number.POSITIVE_INFINITY });

    // The readiness probe (which waits up to 2 s) becomes the trial call; operations arriving
    // meanwhile wait for its outcome, but never past their own 400 ms deadline.
    const probe = fetch(`${new URL(stack.gateway.url).origin}/readyz`);
    while (stack.apiCalls().length === 0) await sleep(5);
    const pending = Promise.all(Array.from({ length: 3 }, () => stack.query(Names, {})));
    // Their deadlines, 400 ms out, are armed as their calls start; then the time passes.
    while (timers.waiting().filter((ms) => ms === 400).length < 3) await sleep(5);
    await timers.advance(400);
    for (const response of await pending) expect(errorCodes(response)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(stack.apiCalls()).toHaveLength(1);

    // Readiness answers for this process, not for the upstream: it does not wait out the trial.
    expect((await probe).status).toBe(200);
    expect(stack.gateway.client.lastProbe).toBeUndefined();
    // The probe goes on in the background until its own 2 s timeout ends the trial, which failed:
    // the circuit opens again. Past CIRCUIT_BREAKER_RESET_MS after that, a call goes through.
    await timers.advance(2_000 - 400);
    while (stack.gateway.client.lastProbe === undefined) await sleep(5);
    expect(stack.gateway.client.lastProbe).toMatchObject({ reachable: false, reason: 'upstream did not answer in time' });
    expect(stack.gateway.client.circuitState).toBe('open');
    await timers.advance(250);
    stack.upstream.reset();
    expectNames(await stack.query(Names, {}));
  });
});

describe('what travels upstream', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: FAST });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('sends only Authorization, the request id and trace context of all the client’s headers', async () => {
    const response = await rawPost(stack.gateway.url, print(Names), {
      authorization: `Bearer ${DEMO_TOKENS.admin}`,
      cookie: 'session=s3cr3t-cookie',
      host: 'evil.example',
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'http',
      forwarded: 'for=203.0.113.9',
      'x-real-ip': '203.0.113.9',
      'proxy-authorization': 'Basic cHJveHk6cHc=',
      via: '1.1 someproxy',
      te: 'trailers',
      'keep-alive': 'timeout=99',
      connection: 'keep-alive, x-hop',
      'x-hop': 'hop-value',
      'x-custom': 'custom-value',
      'x-request-id': 'client-req-123',
      traceparent,
      tracestate: 'vendor=abc,other=x1',
    });
    expect(response.status).toBe(200);
    const [call] = stack.apiCalls();
    expect(call!.headers).toEqual({
      host: new URL(stack.upstream.url).host,
      connection: 'keep-alive',
      authorization: `Bearer ${DEMO_TOKENS.admin}`,
      accept: 'application/json',
      'user-agent': 'org-gateway',
      'x-request-id': 'client-req-123',
      traceparent,
      tracestate: 'vendor=abc,other=x1',
    });
  });

  it.each([
    ['a request id over 128 characters', { 'x-request-id': 'a'.repeat(129) }],
    [
      'a traceparent of the wrong shape',
      { 'x-request-id': 'bad id!', traceparent: '00-XYZ-00f067aa0ba902b7-01', tracestate: 'vendor=abc' },
    ],
    ['an all-zero trace id', { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, tracestate: 'vendor=abc' }],
    ['version ff', { traceparent: 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }],
  ])('does not copy %s; the upstream gets a fresh request id instead', async (_, headers) => {
    const response = await stack.query(Names, {}, { headers });
    expectNames(response);
    const [call] = stack.apiCalls();
    expect(call!.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(call!.headers['traceparent']).toBeUndefined();
    expect(call!.headers['tracestate']).toBeUndefined();
  });

  it('drops a malformed tracestate but keeps a valid traceparent', async () => {
    await stack.query(Names, {}, { headers: { traceparent, tracestate: 'Bad Key=1' } });
    const [call] = stack.apiCalls();
    expect(call!.headers['traceparent']).toBe(traceparent);
    expect(call!.headers['tracestate']).toBeUndefined();
  });
});

describe('a client that goes away', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Timeouts and a deadline out of reach, so only the client's leaving can end a slow call.
    stack = await startStack({
      gateway: { ...FAST, operationTimeoutMs: HANG_MS, headersTimeoutMs: HANG_MS, bodyTimeoutMs: HANG_MS, circuitBreakerFailures: 1 },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  /**
   * Starts a query against an upstream with `fault`, aborts it `abortAfterMs` after its upstream
   * call arrived, and waits (up to 5 s) for the upstream to see that call's connection close.
   */
  async function leaveDuringCall(fault: Parameters<Stack['upstream']['injectFault']>[0], abortAfterMs: number) {
    stack.upstream.injectFault(fault);
    const controller = new AbortController();
    const pending = stack.query(Names, {}, { signal: controller.signal, token: DEMO_TOKENS.admin }).catch((error: unknown) => error);
    while (stack.apiCalls().length === 0) await sleep(5);
    if (abortAfterMs > 0) await sleep(abortAfterMs);
    controller.abort();
    const outcome = await pending;
    const [call] = stack.apiCalls();
    await vi.waitFor(() => expect(call!.aborted).toBe(true), { timeout: 5_000, interval: 5 });
    return { outcome, call: call! };
  }

  it('cancels its in-flight upstream call, and the gateway stays healthy', async () => {
    const { outcome, call } = await leaveDuringCall({ kind: 'delay', ms: HANG_MS }, 0);
    expect(outcome).toBeInstanceOf(Error);
    // The upstream saw the connection close while it was still delaying its answer.
    expect(call.aborted).toBe(true);
    // A cancelled call is not an upstream failure: with a threshold of one, the circuit stays closed.
    expect(stack.gateway.client.circuitState).toBe('closed');
    stack.upstream.reset();
    expectNames(await stack.query(Names, {}));
    expect(stack.apiCalls().map((request) => request.aborted)).toEqual([false]);
  });

  it('cancels an upstream call whose answer is still arriving (headers read, body not yet)', async () => {
    // The demo writes the headers and half the body at once, then waits: give them time to arrive.
    const { outcome, call } = await leaveDuringCall({ kind: 'slowBody', ms: HANG_MS }, 100);
    expect(outcome).toBeInstanceOf(Error);
    expect(call.aborted).toBe(true);
    expect(stack.gateway.client.circuitState).toBe('closed');
    stack.upstream.reset();
    expectNames(await stack.query(Names, {}));
  });
});

describe('isolation between callers', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: FAST });
  });
  afterAll(() => stack.close());

  it('serves each of 200 interleaved concurrent requests its own token’s data, and sends each call the right token', async () => {
    const tokens = [DEMO_TOKENS.admin, DEMO_TOKENS.member] as const;
    // An organization both callers see, read by id (past the first page of five, so each request
    // makes two upstream calls): the admin gets its jwtSecret, the member must get null.
    const adminAll = (await stack.query(AllSecrets, {}, { token: DEMO_TOKENS.admin })).body.data!.organizations.edges.map(
      (edge) => edge.node,
    );
    const memberAll = (await stack.query(AllSecrets, {}, { token: DEMO_TOKENS.member })).body.data!.organizations.edges.map(
      (edge) => edge.node,
    );
    const onFirstPage = new Set([...adminAll.slice(0, 5), ...memberAll.slice(0, 5)].map((org) => org.upstreamId));
    const memberIds = new Set(memberAll.map((org) => org.upstreamId));
    const shared = adminAll.find((org) => memberIds.has(org.upstreamId) && org.jwtSecret !== null && !onFirstPage.has(org.upstreamId));
    expect(shared).toBeDefined();
    const id = globalId(shared!.upstreamId);
    const expected = await Promise.all(tokens.map((token) => stack.query(Secrets, { id }, { token })));
    expect(expected[0]!.body.data).not.toEqual(expected[1]!.body.data);
    expect(expected[1]!.body.data!.organization!.jwtSecret).toBeNull();
    stack.upstream.reset();

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        stack.query(Secrets, { id }, { token: tokens[index % 2]!, headers: { 'x-request-id': `isolation-${index}` } }),
      ),
    );
    responses.forEach((response, index) => {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual(expected[index % 2]!.body.data);
    });
    const calls = stack.apiCalls();
    expect(calls.map((call) => call.method)).toEqual(Array.from({ length: 400 }, () => 'GET'));
    for (const call of calls) {
      const index = Number(/^isolation-(\d+)$/.exec(String(call.headers['x-request-id']))![1]);
      expect(call.headers.authorization).toBe(`Bearer ${tokens[index % 2]!}`);
    }
  });
});

/** POSTs with node:http, which sends any header as given (fetch would refuse Host, Connection and others). */
function rawPost(url: string, query: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          ...headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** An HTTP server that records what reaches it, standing in for "another host". */
async function startRecorder(): Promise<{ url: string; received: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const received: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    received.push(req.headers);
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
