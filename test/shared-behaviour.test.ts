/**
 * What the gateway does the same for every dialect, run against each dialect's demo upstream over
 * real HTTP: auth forwarding and isolation, the header allow-list, error codes, retries of reads
 * (and only of writes the upstream de-duplicates), deadlines, the per-caller breaker, hardening
 * limits, request ids, logs and metrics. Each dialect's specifics have their own test files.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dialect, RunningDemo } from '../src/dialects/dialect.js';
import { loadDialect } from '../src/dialects/index.js';
import { DIALECT_NAMES } from '../src/dialects/names.js';
import { createLogger } from '../src/observability/logger.js';
import { GatewayMetrics } from '../src/observability/metrics.js';
import { DIALECT_CASES, type OperationCase } from './helpers/dialect-cases.js';
import { ManualTimers } from './helpers/manual-timers.js';
import { memoryLog } from './helpers/memory-log.js';
import { type GatewayHandle, startGateway } from './helpers/stack.js';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function send(
  gateway: GatewayHandle,
  operation: Pick<OperationCase, 'query' | 'variables'>,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

const codes = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.['code']);

/** Headers the upstream may see; anything else from the client must not travel. */
const ALLOWED_UPSTREAM_HEADERS = new Set([
  'authorization',
  'accept',
  'user-agent',
  'content-type',
  'content-length',
  'idempotency-key',
  'x-request-id',
  'traceparent',
  'tracestate',
  'host',
  'connection',
]);

describe.each(DIALECT_NAMES)('every dialect: %s', (name) => {
  const testCase = DIALECT_CASES[name];
  const read = testCase.read;
  /** The operation the error-mapping tests use: a read where the dialect has one. */
  const probe: OperationCase = read ?? testCase.write;
  let dialect: Dialect;
  let demo: RunningDemo;
  let gateway: GatewayHandle;
  let tokens: Readonly<Record<string, string>>;
  const log = memoryLog();
  const metrics = new GatewayMetrics({ processMetrics: false });
  const calls = () => demo.requests.filter((request) => request.path.startsWith('/api/'));

  beforeAll(async () => {
    dialect = await loadDialect(name);
    demo = await dialect.startDemo();
    tokens = await dialect.demoTokens();
    gateway = await startGateway(demo.url, {
      dialect,
      logger: createLogger('info', log.stream),
      metrics,
      retryBaseDelayMs: 5,
      retryMaxDelayMs: 20,
      circuitBreakerFailures: 1_000,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await demo?.close();
  });
  beforeEach(() => demo.reset());

  it('refuses an operation without a bearer token before any upstream call', async () => {
    const answer = await send(gateway, probe, null);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    expect(calls()).toHaveLength(0);
  });

  it("forwards the caller's Authorization unchanged and no client header outside the allow-list", async () => {
    const answer = await send(gateway, probe, tokens['admin']!, {
      cookie: 'session=secret',
      'x-forwarded-for': '10.0.0.1',
      'x-api-key': 'not-for-upstream',
      'x-request-id': 'shared-suite-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.headers.get('x-request-id')).toBe('shared-suite-1');
    const [call] = calls();
    expect(calls()).toHaveLength(1);
    expect(call!.method).toBe(probe.method);
    expect(call!.headers.authorization).toBe(`Bearer ${tokens['admin']}`);
    expect(call!.headers.accept).toBe(dialect.wire.accept);
    expect(call!.headers['x-request-id']).toBe('shared-suite-1');
    expect(call!.headers.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    for (const header of Object.keys(call!.headers)) expect(ALLOWED_UPSTREAM_HEADERS, header).toContain(header);
  });

  it('keeps callers apart: each upstream call carries only its own caller’s token', async () => {
    const tokenList = [tokens['admin']!, tokens['member']!];
    await Promise.all(tokenList.map((token) => send(gateway, probe, token)));
    expect(
      calls()
        .map((call) => call.headers.authorization)
        .sort(),
    ).toEqual(tokenList.map((token) => `Bearer ${token}`).sort());
  });

  it.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [500, 'UPSTREAM_ERROR'],
  ])('maps an upstream %i to %s without passing the upstream body through', async (status, code) => {
    demo.injectFault({ kind: 'status', status, times: 5, match: { pathPrefix: probe.pathPrefix } });
    const answer = await send(gateway, probe, tokens['admin']!);
    expect(codes(answer)).toEqual([code]);
    expect(JSON.stringify(answer.body)).not.toContain(demo.url);
  });

  it('maps a 429 to RATE_LIMITED with retryAfterMs from Retry-After, and does not wait an hour to retry', async () => {
    // A body without a wait of its own, so the header's is the one that counts.
    demo.injectFault({
      kind: 'status',
      status: 429,
      body: {},
      times: 5,
      headers: { 'retry-after': '3600' },
      match: { pathPrefix: probe.pathPrefix },
    });
    const answer = await send(gateway, probe, tokens['admin']!);
    expect(codes(answer)).toEqual(['RATE_LIMITED']);
    expect(answer.body.errors![0]!.extensions!['retryAfterMs']).toBe(3_600_000);
    expect(calls()).toHaveLength(1);
  });

  it('maps an answer that is not JSON to UPSTREAM_BAD_RESPONSE', async () => {
    demo.injectFault({ kind: 'badBody', body: '<html>oops</html>', status: probe.method === 'POST' ? 201 : 200, times: 5 });
    expect(codes(await send(gateway, probe, tokens['admin']!))).toEqual(['UPSTREAM_BAD_RESPONSE']);
  });

  it.runIf(read !== undefined)('retries a read through a 503 and answers with the data', async () => {
    demo.injectFault({ kind: 'status', status: 503, times: 1, match: { method: 'GET' } });
    const answer = await send(gateway, read!, tokens['admin']!);
    expect(answer.body.errors).toBeUndefined();
    expect(calls().map((call) => call.method)).toEqual(['GET', 'GET']);
  });

  it(`${testCase.write.retried ? 'retries' : 'never retries'} a write after a 503`, async () => {
    demo.injectFault({ kind: 'status', status: 503, times: 1, match: { method: testCase.write.method } });
    const answer = await send(gateway, testCase.write, tokens['admin']!);
    const writes = calls().filter((call) => call.method === testCase.write.method);
    if (testCase.write.retried) {
      expect(answer.body.errors).toBeUndefined();
      expect(writes).toHaveLength(2);
      expect(writes[1]!.body).toEqual(writes[0]!.body);
    } else {
      expect(codes(answer)).toEqual(['UPSTREAM_ERROR']);
      expect(writes).toHaveLength(1);
    }
  });

  it('refuses an operation over the alias limit before any upstream call', async () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: gateway { version }`).join(' ');
    const answer = await send(gateway, { query: `{ ${aliases} }` }, tokens['admin']!);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors![0]!.extensions!['limit']).toBe('aliases');
    expect(calls()).toHaveLength(0);
  });

  it('logs one line per operation with its upstream calls (route templates, no tokens) and counts them in metrics', async () => {
    await send(gateway, probe, tokens['admin']!, { 'x-request-id': 'shared-suite-log' });
    const line = log.entries().find((entry) => entry['requestId'] === 'shared-suite-log');
    const upstream = line?.['upstream'] as Array<{ method: string; route: string; status: number }>;
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.method).toBe(probe.method);
    expect(upstream[0]!.route.startsWith(probe.pathPrefix)).toBe(true);
    expect(log.lines.join('\n')).not.toContain(tokens['admin']!);
    const exposition = await metrics.registry.metrics();
    expect(exposition).toMatch(new RegExp(`upstream_requests_total\\{[^}]*route="${upstream[0]!.route.replace(/[{}]/g, '\\$&')}"`));
  });

  describe('deadlines and the breaker', () => {
    /** Longer than any test: an upstream call that waits this long never answers while the test runs. */
    const HANG_MS = 60_000;
    let strict: GatewayHandle;
    let timers: ManualTimers;
    beforeAll(async () => {
      // The breaker and its failure window read Date.now(), and the deadline runs on ManualTimers:
      // a frozen clock the tests move on. undici's own timeouts are out of reach (HANG_MS).
      vi.useFakeTimers({ toFake: ['Date'] });
      timers = new ManualTimers();
      strict = await startGateway(demo.url, {
        dialect,
        retries: 0,
        operationTimeoutMs: 300,
        headersTimeoutMs: HANG_MS,
        bodyTimeoutMs: HANG_MS,
        circuitBreakerFailures: 3,
        circuitBreakerResetMs: 60_000,
        timers,
      });
    });
    afterAll(async () => {
      await strict?.close();
      vi.useRealTimers();
    });

    it('ends a call the upstream does not answer with UPSTREAM_TIMEOUT when OPERATION_TIMEOUT_MS passes, not before', async () => {
      demo.injectFault({ kind: 'delay', ms: HANG_MS, times: 1 });
      const pending = send(strict, probe, tokens['admin']!);
      while (calls().length === 0) await new Promise((resolve) => setImmediate(resolve));
      expect(timers.waiting()).toEqual([300]);
      await timers.advance(300);
      expect(codes(await pending)).toEqual(['UPSTREAM_TIMEOUT']);
    });

    it("holds back one caller's calls after its failures in a row, and only that caller's", async () => {
      const failing = tokens['admin']!;
      demo.injectFault({ kind: 'status', status: 500, times: Number.POSITIVE_INFINITY, match: { token: failing } });
      for (let attempt = 0; attempt < 3; attempt += 1) expect(codes(await send(strict, probe, failing))).toEqual(['UPSTREAM_ERROR']);
      const before = calls().length;
      const heldBack = await send(strict, probe, failing);
      expect(codes(heldBack)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(heldBack.body.errors![0]!.extensions!['retryAfterMs']).toBeGreaterThan(0);
      expect(calls()).toHaveLength(before);
      const other = await send(strict, probe, tokens['member']!);
      expect(codes(other)).not.toContain('UPSTREAM_UNAVAILABLE');
      expect(calls()).toHaveLength(before + 1);
      expect(strict.client.circuitState).toBe('closed');
    });
  });
});
