import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_TOKENS } from '../src/dialects/basedash/demo/seed.js';
import { graphql } from './gql/gql.js';
import { ManualTimers } from './helpers/manual-timers.js';
import { errorCodes, postGraphQL, startStack, type Stack } from './helpers/stack.js';

const Names = graphql(`
  query Names {
    organizations(first: 3) {
      edges {
        node {
          name
        }
      }
    }
  }
`);

describe('authentication', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('answers UNAUTHENTICATED without calling the upstream when there is no token', async () => {
    const response = await stack.query(Names, {}, { token: null });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.errors![0]!.message).toContain('Authorization: Bearer <token>');
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('answers UNAUTHENTICATED without calling the upstream when the header is not a bearer token', async () => {
    const response = await stack.query(Names, {}, { token: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('maps an upstream 401 to UNAUTHENTICATED without echoing the token', async () => {
    const response = await stack.query(Names, {}, { token: 'wrong-token-123' });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(response.body)).not.toContain('wrong-token-123');
    expect(stack.apiCalls()[0]!.headers.authorization).toBe('Bearer wrong-token-123');
  });

  it('serves introspection without a token', async () => {
    const response = await postGraphQL<{ __schema: { queryType: { name: string } } }>(
      stack.gateway.url,
      getIntrospectionQuery(),
      undefined,
      { token: null },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.__schema.queryType.name).toBe('Query');
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('serves GraphiQL to a browser GET of /graphql', async () => {
    const response = await fetch(stack.gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('org-gateway');
  });

  it('sends each caller’s own token upstream when two callers interleave', async () => {
    const member = 'demo-member-token';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => stack.query(Names, {}, { token: index % 2 === 0 ? 'demo-admin-token' : member })),
    );
    const adminNames = results[0]!.body.data!.organizations.edges.map((edge) => edge.node.name);
    const memberNames = results[1]!.body.data!.organizations.edges.map((edge) => edge.node.name);
    expect(adminNames).not.toEqual(memberNames);
    results.forEach((result, index) => {
      const names = result.body.data!.organizations.edges.map((edge) => edge.node.name);
      expect(names).toEqual(index % 2 === 0 ? adminNames : memberNames);
    });
    const tokens = stack.apiCalls().map((call) => call.headers.authorization);
    expect(tokens.filter((token) => token === `Bearer ${member}`)).toHaveLength(10);
    expect(tokens.filter((token) => token === 'Bearer demo-admin-token')).toHaveLength(10);
  });
});

/** Longer than any test runs: an upstream delayed by this does not answer within the test. */
const HANG_MS = 60_000;

describe('upstream failures', () => {
  let stack: Stack;
  let timers: ManualTimers;
  beforeAll(async () => {
    // One attempt per call, so each fault below shows its own mapping; retries of resets and
    // 502/503/504 are covered in upstream-faults.test.ts. The operation deadline runs on the
    // test's timers, and undici's own timeouts are out of reach.
    vi.useFakeTimers({ toFake: ['Date'] });
    timers = new ManualTimers();
    stack = await startStack({
      gateway: { operationTimeoutMs: 500, headersTimeoutMs: HANG_MS, bodyTimeoutMs: HANG_MS, retries: 0, timers },
    });
  });
  afterAll(async () => {
    await stack.close();
    vi.useRealTimers();
  });
  beforeEach(() => stack.upstream.reset());

  async function expectRecovery() {
    const next = await stack.query(Names, {});
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data!.organizations.edges).toHaveLength(3);
  }

  it('maps 429 to RATE_LIMITED with the upstream retryAfterMs', async () => {
    stack.upstream.injectFault({
      kind: 'status',
      status: 429,
      body: { error: { title: 'RateLimitExceeded', detail: 'Too many requests', retryAfterMs: 1234 } },
    });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['RATE_LIMITED']);
    expect(response.body.errors![0]!.extensions!['retryAfterMs']).toBe(1234);
    await expectRecovery();
  });

  it('maps a 500 to UPSTREAM_ERROR without passing the upstream detail through', async () => {
    stack.upstream.injectFault({
      kind: 'status',
      status: 500,
      body: { error: { title: 'InternalError', detail: 'db password=hunter2 at 10.0.0.5' } },
    });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_ERROR']);
    expect(JSON.stringify(response.body)).not.toMatch(/hunter2|10\.0\.0\.5|InternalError/);
    await expectRecovery();
  });

  it('maps a body that is not JSON to UPSTREAM_BAD_RESPONSE', async () => {
    stack.upstream.injectFault({ kind: 'badBody', body: '{"data": [tru' });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_BAD_RESPONSE']);
    await expectRecovery();
  });

  it('maps a 200 that breaks the contract to UPSTREAM_BAD_RESPONSE', async () => {
    stack.upstream.injectFault({
      kind: 'badBody',
      body: JSON.stringify({ data: [{ id: 'x' }], pagination: { hasMore: false, nextCursor: null } }),
    });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_BAD_RESPONSE']);
    await expectRecovery();
  });

  it('reads a UTF-8 body as the upstream sent it, byte-order mark and non-Latin-1 names included', async () => {
    // A real page from the demo, with names in three scripts, sent back with a byte-order mark.
    const direct = await fetch(`${stack.upstream.url}/api/public/organizations?limit=3`, {
      headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` },
    });
    const page = (await direct.json()) as { data: Array<{ name: string }> };
    const names = ['東京 Analytics', 'Łódź Łabędź', 'Café ☕ 🚀'];
    for (const [index, org] of page.data.entries()) org.name = names[index]!;
    stack.upstream.injectFault({ kind: 'badBody', body: `\uFEFF${JSON.stringify(page)}` });
    const response = await stack.query(Names, {});
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organizations.edges.map((edge) => edge.node.name)).toEqual(names);
  });

  it('reads a body with invalid UTF-8 as the standard decoder does: a replacement character, nothing else lost', async () => {
    const direct = await fetch(`${stack.upstream.url}/api/public/organizations?limit=2`, {
      headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` },
    });
    const page = (await direct.json()) as { data: Array<{ name: string }> };
    page.data[0]!.name = 'Broken ## byte';
    page.data[1]!.name = 'Café 東京';
    const bytes = Buffer.from(JSON.stringify(page));
    const at = bytes.indexOf('##');
    // 0xC3 starts a two-byte sequence that "(" cannot continue.
    bytes[at] = 0xc3;
    bytes[at + 1] = 0x28;
    stack.upstream.injectFault({ kind: 'badBody', body: bytes.toString('base64'), encoding: 'base64' });
    const response = await stack.query(Names, {});
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organizations.edges.map((edge) => edge.node.name)).toEqual(['Broken \uFFFD( byte', 'Café 東京']);
  });

  it('maps an upstream slower than the operation deadline to UPSTREAM_TIMEOUT', async () => {
    stack.upstream.injectFault({ kind: 'delay', ms: HANG_MS });
    const pending = stack.query(Names, {});
    // The call waits for an upstream that will not answer, under a deadline 500 ms from now.
    while (stack.apiCalls().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(timers.waiting()).toEqual([500]);
    await timers.advance(500);
    expect(errorCodes(await pending)).toEqual(['UPSTREAM_TIMEOUT']);
    await expectRecovery();
  });

  it('maps a connection reset to UPSTREAM_UNAVAILABLE', async () => {
    stack.upstream.injectFault({ kind: 'reset' });
    const response = await stack.query(Names, {});
    expect(errorCodes(response)).toEqual(['UPSTREAM_UNAVAILABLE']);
    await expectRecovery();
  });
});
