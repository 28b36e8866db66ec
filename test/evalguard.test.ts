/**
 * The EvalGuard dialect (issue 18): one idempotent create. What the client saw, and what the demo
 * upstream received on every attempt (key, body, count). Operations are plain strings: the typed
 * documents of test/gql/ are checked against Basedash's schema.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RecordedRequest } from '../src/demo/harness.js';
import { DEMO_TOKENS, startDemoUpstream, type DemoUpstream } from '../src/dialects/evalguard/demo/upstream.js';
import { evalguard } from '../src/dialects/evalguard/index.js';
import { createLogger } from '../src/observability/logger.js';
import { ManualTimers } from './helpers/manual-timers.js';
import { memoryLog } from './helpers/memory-log.js';
import { type GatewayHandle, type GraphQLResponse, postGraphQL, startGateway } from './helpers/stack.js';

const CREATE = `mutation Create($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    organization { upstreamId name slug }
    idempotencyKey
    userErrors { field message code }
  }
}`;

interface Payload {
  createOrganization: {
    organization: { upstreamId: string | null; name: string | null; slug: string | null } | null;
    idempotencyKey: string;
    userErrors: { field: string[] | null; message: string; code: string }[];
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('EvalGuard dialect', () => {
  let upstream: DemoUpstream;
  let gateway: GatewayHandle;
  let timers: ManualTimers;
  const log = memoryLog();

  beforeAll(async () => {
    // Retry backoffs and Retry-After waits run on ManualTimers: they pass at once, and the test can
    // read what the gateway slept.
    vi.useFakeTimers({ toFake: ['Date'] });
    timers = new ManualTimers();
    upstream = await startDemoUpstream();
    gateway = await startGateway(upstream.url, {
      dialect: evalguard,
      timers,
      operationTimeoutMs: 15_000,
      logger: createLogger('info', log.stream),
      // One caller's failures in a row must not hold back the next test's calls.
      circuitBreakerFailures: 1000,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
    vi.useRealTimers();
  });
  afterEach(() => {
    upstream.reset();
    timers.slept.length = 0;
  });

  const create = (input: Record<string, unknown>, options: { token?: string | null; headers?: Record<string, string> } = {}) =>
    postGraphQL<Payload>(gateway.url, CREATE, { input }, { token: DEMO_TOKENS.admin, ...options });
  const calls = (): RecordedRequest[] => upstream.requests.filter((request) => request.path.startsWith('/api/'));
  const keyOf = (request: RecordedRequest) => request.headers['idempotency-key'];
  const payload = (response: GraphQLResponse<Payload>) => {
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.createOrganization;
  };

  it('creates with POST /api/v1/orgs, the key as Idempotency-Key, and maps `data` when the answer has it', async () => {
    const result = payload(await create({ name: 'Acme Labs', slug: 'acme-labs', idempotencyKey: 'key-1' }));
    expect(result).toEqual({
      organization: { upstreamId: 'org_000001', name: 'Acme Labs', slug: 'acme-labs' },
      idempotencyKey: 'key-1',
      userErrors: [],
    });
    const [call, ...more] = calls();
    expect(more).toEqual([]);
    expect(call).toMatchObject({ method: 'POST', path: '/api/v1/orgs', body: { name: 'Acme Labs', slug: 'acme-labs' } });
    expect(call!.headers['content-type']).toBe('application/json');
    expect(call!.headers['authorization']).toBe(`Bearer ${DEMO_TOKENS.admin}`);
    expect(keyOf(call!)).toBe('key-1');
  });

  it('sends only the fields set: no slug when the input has none', async () => {
    payload(await create({ name: 'No Slug' }));
    expect(calls()[0]!.body).toEqual({ name: 'No Slug' });
  });

  it('leaves `organization` null when the answer is the documented {"success": true} alone', async () => {
    const bare = await startDemoUpstream({ answerWithData: false });
    const bareGateway = await startGateway(bare.url, { dialect: evalguard, timers });
    try {
      const response = await postGraphQL<Payload>(
        bareGateway.url,
        CREATE,
        { input: { name: 'Bare', idempotencyKey: 'k' } },
        { token: DEMO_TOKENS.admin },
      );
      expect(payload(response)).toEqual({ organization: null, idempotencyKey: 'k', userErrors: [] });
      expect(bare.requests).toHaveLength(1);
    } finally {
      await bareGateway.close();
      await bare.close();
    }
  });

  describe('the idempotency key', () => {
    it("is the request's Idempotency-Key header when the input has none", async () => {
      const result = payload(await create({ name: 'From header' }, { headers: { 'idempotency-key': 'header-key' } }));
      expect(result.idempotencyKey).toBe('header-key');
      expect(keyOf(calls()[0]!)).toBe('header-key');
    });

    it("is the input's when both are given", async () => {
      const result = payload(await create({ name: 'Both', idempotencyKey: 'input-key' }, { headers: { 'idempotency-key': 'header-key' } }));
      expect(result.idempotencyKey).toBe('input-key');
      expect(keyOf(calls()[0]!)).toBe('input-key');
    });

    it('is a fresh UUID per operation when neither gives one, echoed and sent', async () => {
      const first = payload(await create({ name: 'Fresh one' }));
      const second = payload(await create({ name: 'Fresh two' }));
      expect(first.idempotencyKey).toMatch(UUID);
      expect(second.idempotencyKey).toMatch(UUID);
      expect(first.idempotencyKey).not.toBe(second.idempotencyKey);
      expect(calls().map(keyOf)).toEqual([first.idempotencyKey, second.idempotencyKey]);
    });

    it('is logged on the operation line (it is not a secret)', async () => {
      await create({ name: 'Logged', idempotencyKey: 'logged-key' });
      const line = await vi.waitFor(() => {
        const found = log.entries().find((entry) => entry['idempotencyKey'] === 'logged-key');
        expect(found).toBeDefined();
        return found!;
      });
      expect(line['msg']).toBe('graphql operation');
    });

    it.each([
      ['not printable ASCII', 'clé-ü'],
      ['a control character', 'a\nb'],
      ['too long', 'k'.repeat(256)],
      ['empty', ''],
    ])('in the input, %s, is a userError on idempotencyKey and nothing is sent', async (_why, key) => {
      const result = payload(await create({ name: 'Bad key', idempotencyKey: key }));
      expect(result.organization).toBeNull();
      expect(result.userErrors).toEqual([
        { code: 'INVALID', field: ['input', 'idempotencyKey'], message: expect.stringContaining('1–255 printable ASCII') },
      ]);
      expect(calls()).toEqual([]);
    });

    it('in the header, when invalid, is a userError with no field and nothing is sent', async () => {
      const result = payload(await create({ name: 'Bad header' }, { headers: { 'idempotency-key': 'x'.repeat(300) } }));
      expect(result.userErrors).toEqual([{ code: 'INVALID', field: null, message: expect.stringContaining('`Idempotency-Key` header') }]);
      expect(calls()).toEqual([]);
    });
  });

  describe('a create whose first answer was lost', () => {
    it.each([
      ['the connection dropped', {}],
      ['a 503 came back', { status: 503 }],
      ['a 502 came back', { status: 502 }],
      ['a 504 came back', { status: 504 }],
    ])('after %s, is sent again with the same key and body, and ends with one organization and a success', async (_what, fault) => {
      upstream.injectFault({ kind: 'loseAnswer', ...fault, match: { method: 'POST', pathPrefix: '/api/v1/orgs' } });
      const result = payload(await create({ name: 'Lost answer', slug: 'lost-answer', idempotencyKey: 'lost-1' }));
      expect(result).toEqual({
        organization: { upstreamId: 'org_000001', name: 'Lost answer', slug: 'lost-answer' },
        idempotencyKey: 'lost-1',
        userErrors: [],
      });
      const attempts = calls();
      expect(attempts).toHaveLength(2);
      for (const attempt of attempts) {
        expect(keyOf(attempt)).toBe('lost-1');
        expect(attempt.body).toEqual({ name: 'Lost answer', slug: 'lost-answer' });
      }
      // The upstream made the organization once: the next create gets the next id.
      expect(payload(await create({ name: 'Next', idempotencyKey: 'next' })).organization?.upstreamId).toBe('org_000002');
    });

    it('retries a 429 whose Retry-After fits the deadline, after that wait, with the same key and body', async () => {
      upstream.injectFault({
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '2' },
        body: { success: false, error: { code: 'RATE_LIMITED', message: 'slow down', requestId: 'r1' } },
      });
      const result = payload(await create({ name: 'Rate limited', idempotencyKey: 'rl-1' }));
      expect(result.organization?.name).toBe('Rate limited');
      expect(timers.slept).toEqual([2000]);
      expect(calls().map(keyOf)).toEqual(['rl-1', 'rl-1']);
      expect(calls()[1]!.body).toEqual(calls()[0]!.body);
    });

    it('does not retry a 500 (it may be a bug a retry repeats): UPSTREAM_ERROR, with the key to retry with', async () => {
      upstream.injectFault({ kind: 'status', status: 500 });
      const response = await create({ name: 'Server error', idempotencyKey: 'e500' });
      expect(response.body.data).toBeNull();
      expect(response.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'UPSTREAM_ERROR', idempotencyKey: 'e500' }]);
      expect(response.body.extensions).toMatchObject({ mutations: [{ field: 'createOrganization', status: 'UNKNOWN' }] });
      expect(calls()).toHaveLength(1);
    });

    it('gives up after UPSTREAM_RETRIES with UPSTREAM_ERROR, every attempt with the same key and body', async () => {
      upstream.injectFault({ kind: 'status', status: 503, times: 3 });
      const response = await create({ name: 'Down', idempotencyKey: 'down-1' });
      expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['UPSTREAM_ERROR']);
      expect(calls().map(keyOf)).toEqual(['down-1', 'down-1', 'down-1']);
      expect(new Set(calls().map((call) => JSON.stringify(call.body))).size).toBe(1);
    });
  });

  describe('the upstream key semantics, through the gateway', () => {
    it('replays the first outcome when the client sends the same key again, without a second organization', async () => {
      const first = payload(await create({ name: 'Replay', idempotencyKey: 'again' }));
      const second = payload(await create({ name: 'Replay', idempotencyKey: 'again' }));
      expect(second).toEqual(first);
      expect(calls().map(keyOf)).toEqual(['again', 'again']);
      expect(payload(await create({ name: 'After replay', idempotencyKey: 'other' })).organization?.upstreamId).toBe('org_000002');
    });

    it("shows the upstream's 400 for the same key with a different body as a userError on the key", async () => {
      payload(await create({ name: 'Original', idempotencyKey: 'reused' }));
      const result = payload(await create({ name: 'Changed', idempotencyKey: 'reused' }));
      expect(result.organization).toBeNull();
      expect(result.idempotencyKey).toBe('reused');
      expect(result.userErrors).toEqual([
        {
          code: 'INVALID',
          field: ['input', 'idempotencyKey'],
          message: 'EvalGuard rejected the input: Idempotency-Key was already used with a different request body',
        },
      ]);
    });

    it('scopes keys per caller: the same key from another caller is another create', async () => {
      const admin = payload(await create({ name: 'Shared key', idempotencyKey: 'same' }));
      const member = payload(await create({ name: 'Shared key', idempotencyKey: 'same' }, { token: DEMO_TOKENS.member }));
      expect(admin.organization?.upstreamId).toBe('org_000001');
      expect(member.organization?.upstreamId).toBe('org_000002');
    });
  });

  describe('errors', () => {
    it("maps a 400 about the slug to a userError on slug, with the upstream's message", async () => {
      const result = payload(await create({ name: 'Bad slug', slug: 'Not A Slug' }));
      expect(result.userErrors).toEqual([
        {
          code: 'INVALID',
          field: ['input', 'slug'],
          message: 'EvalGuard rejected the input: slug must be lowercase letters, digits and single hyphens',
        },
      ]);
      expect(calls()).toHaveLength(1);
    });

    it('checks the name before any call', async () => {
      const result = payload(await create({ name: '  ' }));
      expect(result.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'name'], message: '`name` must not be empty.' }]);
      expect(calls()).toEqual([]);
    });

    it('maps 401 to UNAUTHENTICATED and a missing token to UNAUTHENTICATED before any call', async () => {
      const wrong = await create({ name: 'Wrong token' }, { token: 'not-a-key' });
      expect(wrong.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
      expect(calls()).toHaveLength(1);
      const none = await create({ name: 'No token' }, { token: null });
      expect(none.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
      expect(calls()).toHaveLength(1);
    });

    it('maps 403 to FORBIDDEN', async () => {
      upstream.injectFault({ kind: 'status', status: 403 });
      const response = await create({ name: 'Forbidden' });
      expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    });

    it.each([
      ['seconds', () => '60', 60_000],
      ['an HTTP date', () => new Date(Date.now() + 90_000).toUTCString(), 90_000],
    ])(
      'maps a 429 whose wait (Retry-After in %s) does not fit the deadline to RATE_LIMITED with retryAfterMs',
      async (_form, header, expected) => {
        upstream.injectFault({ kind: 'status', status: 429, headers: { 'retry-after': header() } });
        const response = await create({ name: 'Too many', idempotencyKey: 'rl' });
        const [error] = response.body.errors ?? [];
        expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', idempotencyKey: 'rl' });
        expect(Math.abs((error?.extensions?.['retryAfterMs'] as number) - expected)).toBeLessThanOrEqual(1000);
        expect(calls()).toHaveLength(1);
      },
    );

    it('maps an unreadable answer to UPSTREAM_BAD_RESPONSE', async () => {
      upstream.injectFault({ kind: 'badBody', body: '{"ok":' });
      const response = await create({ name: 'Garbled' });
      expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['UPSTREAM_BAD_RESPONSE']);
    });

    it("logs the upstream's requestId on the operation line and never shows it to the client", async () => {
      upstream.injectFault({
        kind: 'status',
        status: 403,
        body: { success: false, error: { code: 'FORBIDDEN', message: 'no', requestId: 'req_secret_trace' } },
      });
      const response = await create({ name: 'Traced', idempotencyKey: 'traced' });
      expect(JSON.stringify(response.body)).not.toContain('req_secret_trace');
      await vi.waitFor(() => {
        expect(log.entries().find((entry) => entry['idempotencyKey'] === 'traced')?.['upstreamRequestId']).toBe('req_secret_trace');
      });
    });
  });

  it('has only what EvalGuard can do: Query.gateway and Mutation.createOrganization', async () => {
    const response = await postGraphQL<{
      __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } };
    }>(gateway.url, '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    expect(response.body.data!.__schema.queryType.fields.map((field) => field.name)).toEqual(['gateway']);
    expect(response.body.data!.__schema.mutationType.fields.map((field) => field.name)).toEqual(['createOrganization']);
    const info = await postGraphQL<{ gateway: { dialect: string } }>(gateway.url, '{ gateway { dialect } }', undefined, { token: null });
    expect(info.body.data).toEqual({ gateway: { dialect: 'EVALGUARD' } });
  });
});
