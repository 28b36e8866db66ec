/**
 * One caller must never take the gateway away from the others. Each case drives one caller into
 * trouble through the real HTTP path (its upstream calls fail, time out or hang, via demo faults
 * that match only its token) and checks, at the same moment, that another caller is served
 * normally; the circuit breaker opens only when callers across the board fail.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeNodeId } from '../src/graphql/node-id.js';
import { graphql } from './gql/gql.js';
import { ManualTimers } from './helpers/manual-timers.js';
import { DEMO_TOKENS, errorCodes, startStack, type GraphQLResponse, type Stack } from './helpers/stack.js';

const List = graphql(`
  query IsolationList {
    organizations(first: 3) {
      edges {
        node {
          name
        }
      }
    }
  }
`);

const Nodes = graphql(`
  query IsolationNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
    }
  }
`);

const ABUSER = DEMO_TOKENS.member;
const GOOD = DEMO_TOKENS.admin;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Longer than any test runs: an upstream delayed by this does not answer within the test. */
const HANG_MS = 60_000;

function expectServed(response: GraphQLResponse<unknown>): void {
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  expect((response.body.data as { organizations: { edges: unknown[] } }).organizations.edges).toHaveLength(3);
}

/** Upstream calls made with `token`. */
function callsOf(stack: Stack, token: string) {
  return stack.apiCalls().filter((call) => call.headers.authorization === `Bearer ${token}`);
}

describe('one caller whose upstream calls fail', () => {
  let stack: Stack;
  beforeAll(async () => {
    // The shipped breaker settings (10 failures, 3 callers, 10 s), with short timeouts.
    stack = await startStack({ gateway: { headersTimeoutMs: 200, bodyTimeoutMs: 200, operationTimeoutMs: 2_000 } });
  });
  afterAll(() => stack.close());
  afterEach(() => stack.upstream.reset());

  it('never opens the circuit with repeated 500s: that caller alone is failed fast, the other is served throughout', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 500, times: Number.POSITIVE_INFINITY, match: { token: ABUSER } });
    // Bursts of 12 failing requests, as in the report, each with a good caller's request beside it.
    for (let burst = 0; burst < 3; burst += 1) {
      const [good, ...bad] = await Promise.all([
        stack.query(List, {}, { token: GOOD }),
        ...Array.from({ length: 12 }, () => stack.query(List, {}, { token: ABUSER })),
      ]);
      expectServed(good!);
      for (const response of bad) expect(errorCodes(response)[0]).toMatch(/^UPSTREAM_(ERROR|UNAVAILABLE)$/);
    }
    expect(stack.gateway.client.circuitState).toBe('closed');

    const held = await stack.query(List, {}, { token: ABUSER });
    expect(errorCodes(held)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(held.body.errors![0]!.message).toMatch(/Your recent calls .* failed one after another.*other callers are not affected/);
    expect(held.body.errors![0]!.extensions!['retryAfterMs']).toBeGreaterThan(0);
    // Once held back, its calls no longer reach the upstream: at most a burst's worth got there.
    expect(callsOf(stack, ABUSER).length).toBeLessThanOrEqual(12 + 10);
    expectServed(await stack.query(List, {}, { token: GOOD }));
  });

  it('never opens the circuit with one `nodes` request of a dozen failing ids', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 500, times: Number.POSITIVE_INFINITY, match: { token: DEMO_TOKENS.outsider } });
    const ids = Array.from({ length: 12 }, (_, index) => encodeNodeId('Organization', `org-${index}`));
    const [bad, good] = await Promise.all([
      stack.query(Nodes, { ids }, { token: DEMO_TOKENS.outsider }),
      stack.query(List, {}, { token: GOOD }),
    ]);
    expect(new Set(errorCodes(bad))).toEqual(new Set(['UPSTREAM_ERROR']));
    expectServed(good);
    expect(stack.gateway.client.circuitState).toBe('closed');
  });
});

describe('one caller whose upstream calls time out', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { headersTimeoutMs: 200, bodyTimeoutMs: 200, operationTimeoutMs: 2_000 } });
  });
  afterAll(() => stack.close());

  it('never opens the circuit with repeated timeouts', async () => {
    const caller = 'timeouts-only-token';
    stack.upstream.injectFault({ kind: 'delay', ms: HANG_MS, times: Number.POSITIVE_INFINITY, match: { token: caller } });
    for (let round = 0; round < 3; round += 1) {
      const [good, ...slow] = await Promise.all([
        stack.query(List, {}, { token: GOOD }),
        ...Array.from({ length: 6 }, () => stack.query(List, {}, { token: caller })),
      ]);
      expectServed(good!);
      for (const response of slow) expect(errorCodes(response)[0]).toMatch(/^UPSTREAM_(TIMEOUT|UNAVAILABLE)$/);
    }
    expect(stack.gateway.client.circuitState).toBe('closed');
    expect(errorCodes(await stack.query(List, {}, { token: caller }))).toEqual(['UPSTREAM_UNAVAILABLE']);
  });
});

describe('a few failing callers among many served ones', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { retries: 0 } });
  });
  afterAll(() => stack.close());

  it('keeps the circuit closed while callers served well outnumber the failing ones', async () => {
    const failing = ['tenant-a', 'tenant-b', 'tenant-c'];
    for (const token of failing)
      stack.upstream.injectFault({ kind: 'status', status: 500, times: Number.POSITIVE_INFINITY, match: { token } });
    // Four other callers reach the upstream and get its answers (here: its 401 for an unknown key).
    for (let caller = 0; caller < 4; caller += 1) {
      expect(errorCodes(await stack.query(List, {}, { token: `served-${caller}` }))).toEqual(['UNAUTHENTICATED']);
    }
    for (let round = 0; round < 4; round += 1) {
      for (const token of failing) expect(errorCodes(await stack.query(List, {}, { token }))).toEqual(['UPSTREAM_ERROR']);
    }
    expect(stack.gateway.client.circuitState).toBe('closed');
    expectServed(await stack.query(List, {}, { token: GOOD }));
  });
});

describe('a real outage', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { retries: 0 } });
  });
  afterAll(() => stack.close());
  afterEach(() => stack.upstream.reset());

  it('opens the circuit after CIRCUIT_BREAKER_FAILURES (10) failures when many callers fail, as before', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 500, times: Number.POSITIVE_INFINITY });
    const answers: unknown[] = [];
    for (let caller = 0; caller < 12; caller += 1) {
      answers.push(errorCodes(await stack.query(List, {}, { token: `outage-caller-${caller}` }))[0]);
    }
    expect(answers.slice(0, 10)).toEqual(Array(10).fill('UPSTREAM_ERROR'));
    expect(answers.slice(10)).toEqual(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE']);
    expect(stack.gateway.client.circuitState).toBe('open');
    expect(stack.apiCalls()).toHaveLength(10);
    // Everyone is failed fast now, the well-behaved caller too, with the circuit's own message.
    const fast = await stack.query(List, {}, { token: GOOD });
    expect(fast.body.errors![0]!.message).toMatch(/failed repeatedly, so the gateway is not calling it/);
  });
});

describe('one caller whose upstream calls hang', () => {
  let stack: Stack;
  let timers: ManualTimers;
  beforeAll(async () => {
    // The caller's wait for a slot (UPSTREAM_CALLER_QUEUE_MS, 1 s) and the operation deadline run
    // on the test's timers, so nothing ends the hanging calls until the test moves the clock on.
    vi.useFakeTimers({ toFake: ['Date'] });
    timers = new ManualTimers();
    stack = await startStack({ gateway: { headersTimeoutMs: HANG_MS, operationTimeoutMs: 5_000, retries: 0, timers } });
  });
  afterAll(async () => {
    await stack.close();
    vi.useRealTimers();
  });
  /** Requests waiting for one of their caller's slots: their 1 s waits are the only timers that long. */
  const slotWaits = () => timers.waiting().filter((ms) => ms === 1_000).length;

  it('holds at most UPSTREAM_CALLER_CONCURRENCY (16) sockets; the rest get RATE_LIMITED; another caller is served meanwhile', async () => {
    stack.upstream.injectFault({ kind: 'delay', ms: HANG_MS, times: Number.POSITIVE_INFINITY, match: { token: ABUSER } });
    let ended = 0;
    const hanging = Array.from({ length: 70 }, () => stack.query(List, {}, { token: ABUSER }).finally(() => (ended += 1)));
    // 16 calls reached the upstream, and the other 54 wait for a slot, each for up to 1 s.
    while (callsOf(stack, ABUSER).length < 16 || slotWaits() < 54) await sleep(10);

    // Served at once, while every one of the caller's 70 requests still hangs or waits.
    expectServed(await stack.query(List, {}, { token: GOOD }));
    expect(ended).toBe(0);
    expect(callsOf(stack, ABUSER)).toHaveLength(16);

    // Past the 1 s wait for a slot, the 54 waiting requests are turned away; past the 5 s
    // deadline, the 16 hanging calls end.
    await timers.advance(1_000);
    await timers.advance(4_000);
    const codes = (await Promise.all(hanging)).map((response) => errorCodes(response)[0]);
    const limited = codes.filter((code) => code === 'RATE_LIMITED').length;
    expect(codes.filter((code) => code === 'UPSTREAM_TIMEOUT')).toHaveLength(16);
    expect(limited).toBe(54);
    const refused = (await stack.query(List, {}, { token: GOOD })).status;
    expect(refused).toBe(200);
    expect(stack.gateway.client.circuitState).toBe('closed');
    // Nothing is kept for callers without calls in flight.
    expect(stack.gateway.client.trackedCallers.inFlight).toBe(0);
  });

  it('tells the throttled caller what happened and when to retry', async () => {
    stack.upstream.reset();
    stack.upstream.injectFault({ kind: 'delay', ms: HANG_MS, times: Number.POSITIVE_INFINITY, match: { token: DEMO_TOKENS.outsider } });
    const hanging = Array.from({ length: 17 }, () => stack.query(List, {}, { token: DEMO_TOKENS.outsider }));
    while (callsOf(stack, DEMO_TOKENS.outsider).length < 16 || slotWaits() < 1) await sleep(10);
    // The 17th request's wait for a slot ends first; the 16 hanging calls end at the deadline.
    await timers.advance(1_000);
    const throttled = await Promise.race(hanging);
    await timers.advance(4_000);
    await Promise.all(hanging);
    expect(throttled.body.errors![0]!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterMs: 1000, limit: 'callerConcurrency' });
    expect(throttled.body.errors![0]!.message).toMatch(/already have 16 calls .* in flight/);
    stack.upstream.reset();
  });
});

describe('one operation’s share of the upstream', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('runs at most UPSTREAM_CONCURRENCY (10) of a `nodes` request’s calls at once, and answers every id', async () => {
    stack.upstream.injectFault({ kind: 'delay', ms: 300, times: Number.POSITIVE_INFINITY });
    const ids = Array.from({ length: 25 }, (_, index) => encodeNodeId('Organization', `org-${index}`));
    const pending = stack.query(Nodes, { ids });
    while (stack.apiCalls().length === 0) await sleep(5);
    await sleep(100);
    expect(stack.apiCalls()).toHaveLength(10);
    const response = await pending;
    expect(response.body.errors).toBeUndefined();
    expect(stack.apiCalls()).toHaveLength(25);
    stack.upstream.reset();
  });
});
