/**
 * The client-facing edge under bad input: body limit, malformed and unsupported requests, operation
 * limits, CSRF, CORS and the production switches. Every case goes over real HTTP; each asserts what
 * the client saw, that nothing (or exactly what should) reached the upstream, and that the gateway
 * keeps serving the next request.
 */
import { request as httpRequest } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/observability/logger.js';
import { memoryLog } from './helpers/memory-log.js';
import { DEMO_TOKENS, postGraphQL, startGateway, startStack, type GatewayHandle, type Stack } from './helpers/stack.js';

const NAMES = '{ organizations(first: 3) { edges { node { name } } } }';
const JSON_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
  authorization: `Bearer ${DEMO_TOKENS.admin}`,
};

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON. */
  json: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | undefined;
}

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: Answer['json'];
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

function codes(answer: Answer): unknown[] {
  return (answer.json?.errors ?? []).map((error) => error.extensions?.['code']);
}

/** The gateway still answers a normal query, with exactly one upstream call for it. */
async function expectServing(stack: Stack): Promise<void> {
  const before = stack.apiCalls().length;
  const response = await postGraphQL<{ organizations: { edges: unknown[] } }>(stack.gateway.url, NAMES);
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data!.organizations.edges).toHaveLength(3);
  expect(stack.apiCalls()).toHaveLength(before + 1);
}

/** POSTs a body with chunked transfer encoding (no Content-Length), as streaming clients do. */
function postChunked(url: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { ...JSON_HEADERS, 'transfer-encoding': 'chunked' } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    // The gateway may answer 413 and close before every chunk is written; the answer is what counts.
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

describe('request body limit', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('answers 413 with a GraphQL error naming the 102400-byte default when Content-Length is over it', async () => {
    const answer = await send(stack.gateway.url, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: NAMES, variables: { padding: 'x'.repeat(110_000) } }),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toContain('json');
    expect(codes(answer)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
    expect(answer.json!.errors![0]!.message).toContain('limit of 102400 bytes');
    expect(answer.json!.errors![0]!.extensions!['maxBytes']).toBe(102_400);
    expect(stack.apiCalls()).toHaveLength(0);
    await expectServing(stack);
  });

  it('answers 413 to a chunked body without Content-Length as soon as it passes the limit', async () => {
    const head = JSON.stringify({ query: NAMES, variables: { padding: '' } }).slice(0, -3);
    const answer = await postChunked(stack.gateway.url, [head, ...Array.from({ length: 12 }, () => 'x'.repeat(10_000)), '"}}']);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', maxBytes: 102_400 } }] });
    expect(stack.apiCalls()).toHaveLength(0);
    await expectServing(stack);
  });

  it('executes a chunked body that stays under the limit', async () => {
    const body = JSON.stringify({ query: NAMES });
    const answer = await postChunked(stack.gateway.url, [body.slice(0, 10), body.slice(10)]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { organizations: { edges: [{}, {}, {}] } } });
    expect(stack.apiCalls()).toHaveLength(1);
  });
});

describe('a configured MAX_BODY_BYTES', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { maxBodyBytes: 2048 } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('executes a body of exactly the limit and refuses one byte more', async () => {
    // Variables the operation does not declare are ignored, so padding only changes the size.
    const bodyOf = (size: number) => {
      const empty = JSON.stringify({ query: NAMES, variables: { padding: '' } });
      return JSON.stringify({ query: NAMES, variables: { padding: 'x'.repeat(size - empty.length) } });
    };
    const atLimit = await send(stack.gateway.url, { method: 'POST', headers: JSON_HEADERS, body: bodyOf(2048) });
    expect(atLimit.status).toBe(200);
    expect(atLimit.json).toMatchObject({ data: { organizations: { edges: [{}, {}, {}] } } });
    expect(stack.apiCalls()).toHaveLength(1);
    const overLimit = await send(stack.gateway.url, { method: 'POST', headers: JSON_HEADERS, body: bodyOf(2049) });
    expect(overLimit.status).toBe(413);
    expect(overLimit.json!.errors![0]!.message).toContain('limit of 2048 bytes');
    expect(stack.apiCalls()).toHaveLength(1);
    await expectServing(stack);
  });
});

describe('malformed requests', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('answers 400 BAD_REQUEST to a body that is not valid JSON', async () => {
    const answer = await send(stack.gateway.url, { method: 'POST', headers: JSON_HEADERS, body: '{"query": "{ organizations' });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
    expect(answer.json!.errors![0]!.message).toBe('POST body sent invalid JSON.');
    expect(stack.apiCalls()).toHaveLength(0);
    await expectServing(stack);
  });

  it('answers 400 to a JSON body without a query', async () => {
    const answer = await send(stack.gateway.url, { method: 'POST', headers: JSON_HEADERS, body: '{"variables": {}}' });
    expect(answer.status).toBe(400);
    expect(answer.json!.errors![0]!.message).toMatch(/query/i);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('answers GRAPHQL_PARSE_FAILED to a document with a syntax error', async () => {
    const answer = await send(stack.gateway.url, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: '{ organizations(first: 3 { name } }' }),
    });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(answer.json!.errors![0]!.message).toContain('Syntax Error');
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('refuses batched requests (a JSON array of operations): batching is off', async () => {
    const answer = await send(stack.gateway.url, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify([{ query: NAMES }, { query: NAMES }]),
    });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
    expect(answer.json!.errors![0]!.message).toBe('Batching is not supported.');
    expect(stack.apiCalls()).toHaveLength(0);
    await expectServing(stack);
  });

  it('names the operations a document defines when operationName matches none of them', async () => {
    const answer = await send(stack.gateway.url, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: `query First ${NAMES} query Second ${NAMES}`, operationName: 'Third' }),
    });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    expect(answer.json!.errors![0]!.message).toBe(
      'The document has no operation named "Third"; it defines "First", "Second". Send one of those as operationName.',
    );
    expect(stack.apiCalls()).toHaveLength(0);
    await expectServing(stack);
  });

  it('asks for operationName when a document defines several operations', async () => {
    const answer = await send(stack.gateway.url, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: `query First ${NAMES} query Second ${NAMES}` }),
    });
    expect(codes(answer)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    expect(answer.json!.errors![0]!.message).toContain('send operationName to choose');
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('answers BAD_USER_INPUT, naming the variable, to a variable of the wrong type', async () => {
    const query = 'query Page($first: Int) { organizations(first: $first) { edges { node { name } } } }';
    const answer = await send(stack.gateway.url, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query, variables: { first: 'ten' } }),
    });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.json!.errors![0]!.message).toBe(
      'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
    );
    expect(answer.json).not.toHaveProperty('data');
    expect(stack.apiCalls()).toHaveLength(0);
    await expectServing(stack);
  });

  it('answers a variable of the wrong type with 200 to an application/json client, as the GraphQL-over-HTTP spec asks', async () => {
    const query = 'query Page($first: Int) { organizations(first: $first) { edges { node { name } } } }';
    const answer = await send(stack.gateway.url, {
      method: 'POST',
      headers: { ...JSON_HEADERS, accept: 'application/json' },
      body: JSON.stringify({ query, variables: { first: 'ten' } }),
    });
    expect(answer.status).toBe(200);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('answers 405 with Allow to a method other than GET and POST', async () => {
    const answer = await send(stack.gateway.url, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ query: NAMES }) });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, POST');
    expect(stack.apiCalls()).toHaveLength(0);
  });
});

describe('operation limits (defaults)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  const ofTypeChain = (levels: number) => {
    let selection = 'name';
    for (let level = 0; level < levels; level++) selection = `ofType { ${selection} }`;
    return selection;
  };

  it('rejects a 40-deep ofType introspection probe with BAD_USER_INPUT naming the depth limit', async () => {
    const probe = `{ __schema { types { fields { type { ${ofTypeChain(40)} } } } } }`;
    const response = await postGraphQL(stack.gateway.url, probe, undefined, { token: null });
    expect(response.status).toBe(400);
    expect(response.body).not.toHaveProperty('data');
    const depthError = response.body.errors!.find((error) => error.extensions?.['limit'] === 'depth');
    expect(depthError).toMatchObject({
      message: 'Query depth limit of 20 exceeded, found 45. Nest selections less deeply.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(stack.apiCalls()).toHaveLength(0);
    await expectServing(stack);
  });

  it.each([
    ['getIntrospectionQuery()', getIntrospectionQuery()],
    [
      'getIntrospectionQuery() with every optional field, as GraphiQL and codegen send it',
      getIntrospectionQuery({
        descriptions: true,
        inputValueDeprecation: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
      }),
    ],
  ])('answers the introspection query %s', async (_name, query) => {
    const response = await postGraphQL<{ __schema: { types: Array<{ name: string }> } }>(stack.gateway.url, query, undefined, {
      token: null,
    });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.__schema.types.map((type) => type.name)).toContain('Organization');
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('rejects a flood of 500 aliased organizations fields before any upstream call', async () => {
    const flood = `{ ${Array.from({ length: 500 }, (_, index) => `o${index}: organizations(first: 1) { edges { node { id } } }`).join(' ')} }`;
    const response = await postGraphQL(stack.gateway.url, flood);
    expect(response.status).toBe(400);
    expect(response.body).not.toHaveProperty('data');
    // The document is too long to be parsed in full; the token limit stops it first.
    expect(response.body.errors).toEqual([
      {
        message: 'Token limit of 1000 exceeded. Send a shorter document, e.g. split it into several operations.',
        extensions: { code: 'BAD_USER_INPUT', limit: 'tokens' },
      },
    ]);
    expect(stack.apiCalls()).toHaveLength(0);
    await expectServing(stack);
  });

  it('rejects 16 aliased organizations fields, one over the alias limit, before any upstream call', async () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, index) => `o${index}: organizations(first: 1) { edges { node { id } } }`).join(' ')} }`;
    const response = await postGraphQL(stack.gateway.url, aliases);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: 'Aliases limit of 15 exceeded, found 16. Use fewer aliases, or split the operation into several requests.',
        extensions: { code: 'BAD_USER_INPUT', limit: 'aliases' },
      },
    ]);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('rejects an operation with more than 50 directives', async () => {
    const directives = `{ ${Array.from({ length: 51 }, (_, index) => `t${index}: __typename @include(if: true)`).join(' ')} }`;
    const response = await postGraphQL(stack.gateway.url, directives, undefined, { token: null });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: 'Directives limit of 50 exceeded, found 51. Use fewer directives.',
        extensions: { code: 'BAD_USER_INPUT', limit: 'directives' },
      },
    ]);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('answers a page of 100 organizations with every field, well within the cost limit', async () => {
    const everyField =
      'id upstreamId name slug onboardingStatus insightsEnabled insightsFrequency insightsPreferredDayOfMonth insightsPreferredDayOfWeek ' +
      'isBillable trialEndsAt customAiContext fullEmbedEnabled embedAllowedOrigins jwtSecret aiUsageOverageLimitCents allowOnDemandAiUsage ' +
      'defaultAutomationAccessAudience defaultAutomationAccessLevel defaultChatAccessAudience defaultChatAccessLevel defaultDashboardAccessAudience defaultDashboardAccessLevel';
    const response = await postGraphQL<{ organizations: { edges: unknown[] } }>(
      stack.gateway.url,
      `{ organizations(first: 100) { edges { cursor node { ${everyField} } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organizations.edges.length).toBeGreaterThan(0);
    expect(stack.apiCalls()).toHaveLength(1);
  });
});

describe('configured operation limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { limits: { maxDepth: 3, maxCost: 500 } } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('rejects a query deeper than a configured MAX_DEPTH before any upstream call', async () => {
    const response = await postGraphQL(stack.gateway.url, NAMES);
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual({
      message: 'Query depth limit of 3 exceeded, found 4. Nest selections less deeply.',
      extensions: { code: 'BAD_USER_INPUT', limit: 'depth' },
    });
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('rejects a query costlier than a configured MAX_COST before any upstream call', async () => {
    const response = await postGraphQL(stack.gateway.url, '{ organizations(first: 100) { pageInfo { hasNextPage endCursor } } }');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: expect.stringMatching(/^Query Cost limit of 500 exceeded, found \d+(\.\d+)?\. Select fewer fields, ask for smaller pages/),
        extensions: { code: 'BAD_USER_INPUT', limit: 'cost' },
      },
    ]);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('still answers a query within the configured limits', async () => {
    const response = await postGraphQL<{ organizations: { pageInfo: { hasNextPage: boolean } } }>(
      stack.gateway.url,
      '{ organizations(first: 2) { pageInfo { hasNextPage } } }',
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organizations.pageInfo.hasNextPage).toBe(true);
    expect(stack.apiCalls()).toHaveLength(1);
  });
});

describe('CSRF: only JSON bodies execute over POST', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  const form = new URLSearchParams({ query: NAMES }).toString();
  const multipart = () => {
    const data = new FormData();
    data.set('operations', JSON.stringify({ query: NAMES }));
    data.set('map', '{}');
    return data;
  };

  it.each([
    ['an application/x-www-form-urlencoded body', { 'content-type': 'application/x-www-form-urlencoded' }, form],
    ['a text/plain body', { 'content-type': 'text/plain;charset=UTF-8' }, JSON.stringify({ query: NAMES })],
    ['an application/graphql body', { 'content-type': 'application/graphql' }, NAMES],
  ] as const)('refuses %s with 415 without calling the upstream', async (_name, headers, body) => {
    const answer = await send(stack.gateway.url, {
      method: 'POST',
      headers: { authorization: JSON_HEADERS.authorization, ...headers },
      body,
    });
    expect(answer.status).toBe(415);
    expect(codes(answer)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
    expect(answer.json!.errors![0]!.message).toContain('Content-Type: application/json');
    expect(answer.json!.errors![0]!.message).toContain(headers['content-type']);
    expect(stack.apiCalls()).toHaveLength(0);
    await expectServing(stack);
  });

  it('refuses a multipart/form-data body with 415 without calling the upstream', async () => {
    // fetch sets the multipart Content-Type with its boundary itself.
    const answer = await send(stack.gateway.url, {
      method: 'POST',
      headers: { authorization: JSON_HEADERS.authorization },
      body: multipart(),
    });
    expect(answer.status).toBe(415);
    expect(codes(answer)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
    expect(answer.json!.errors![0]!.message).toContain('multipart/form-data');
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('refuses a POST without Content-Type with 415', async () => {
    const answer = await send(stack.gateway.url, {
      method: 'POST',
      headers: { authorization: JSON_HEADERS.authorization },
      body: new Blob([JSON.stringify({ query: NAMES })]),
    });
    expect(answer.status).toBe(415);
    expect(answer.json!.errors![0]!.message).toContain('got no Content-Type');
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('executes a query sent as GET', async () => {
    const url = new URL(stack.gateway.url);
    url.searchParams.set('query', NAMES);
    const answer = await send(url.href, { headers: { authorization: JSON_HEADERS.authorization } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ data: { organizations: { edges: [{}, {}, {}] } } });
    expect(stack.apiCalls()).toHaveLength(1);
  });

  it('refuses a mutation sent as GET with 405 and Allow: POST, without calling the upstream', async () => {
    const url = new URL(stack.gateway.url);
    url.searchParams.set('query', 'mutation { createOrganization(input: { name: "Sent by GET" }) { organization { id } } }');
    const answer = await send(url.href, {
      headers: { authorization: JSON_HEADERS.authorization, accept: 'application/graphql-response+json' },
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST');
    expect(answer.json!.errors![0]!.message).toBe('Can only perform a mutation operation from a POST request.');
    expect(stack.apiCalls()).toHaveLength(0);
    await expectServing(stack);
  });

  it('runs the operation a GET names even when the same document’s mutation ran before (no mutation over GET)', async () => {
    const document = `mutation Create { createOrganization(input: { name: "Only by POST" }) { organization { name } } } query Names ${NAMES}`;
    const created = await send(stack.gateway.url, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: document, operationName: 'Create' }),
    });
    expect(created.json).toEqual({ data: { createOrganization: { organization: { name: 'Only by POST' } } } });
    stack.upstream.reset();
    const url = new URL(stack.gateway.url);
    url.searchParams.set('query', document);
    url.searchParams.set('operationName', 'Names');
    const [answer, other] = await Promise.all([
      send(url.href, { headers: { authorization: JSON_HEADERS.authorization } }),
      postGraphQL(stack.gateway.url, NAMES, undefined, { token: DEMO_TOKENS.member }),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ data: { organizations: { edges: [{}, {}, {}] } } });
    expect(answer.json).not.toHaveProperty('data.createOrganization');
    expect(stack.apiCalls().map((call) => call.method)).toEqual(['GET', 'GET']);
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });
});

describe('CORS allow-list', () => {
  const allowed = 'https://app.example.com';
  const stranger = 'https://evil.example';
  let closed: Stack;
  let open: Stack;
  beforeAll(async () => {
    [closed, open] = await Promise.all([startStack(), startStack({ gateway: { corsOrigins: [allowed, 'http://localhost:5173'] } })]);
  });
  afterAll(() => Promise.all([closed.close(), open.close()]));
  beforeEach(() => {
    closed.upstream.reset();
    open.upstream.reset();
  });

  const preflight = (stack: Stack, origin: string) =>
    send(stack.gateway.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
  const actual = (stack: Stack, origin: string) =>
    send(stack.gateway.url, { method: 'POST', headers: { ...JSON_HEADERS, origin }, body: JSON.stringify({ query: '{ __typename }' }) });

  it('grants no origin anything by default: no Access-Control-Allow-Origin on preflight or answer', async () => {
    const check = await preflight(closed, allowed);
    expect(check.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await actual(closed, allowed);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(closed.apiCalls()).toHaveLength(0);
  });

  it('lets a listed origin through the preflight, for GET and POST, without credentials', async () => {
    const check = await preflight(open, allowed);
    expect(check.status).toBe(204);
    expect(check.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(check.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(check.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(check.headers.get('access-control-allow-credentials')).toBeNull();
    expect(check.headers.get('vary')).toContain('Origin');
    expect(open.apiCalls()).toHaveLength(0);
  });

  it('lets a listed origin read the answer', async () => {
    const answer = await actual(open, allowed);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(answer.headers.get('vary')).toContain('Origin');
  });

  it('gives an unlisted origin no CORS headers on preflight or answer, not even "null"', async () => {
    const check = await preflight(open, stranger);
    expect(check.headers.get('access-control-allow-origin')).toBeNull();
    expect(check.headers.get('access-control-allow-methods')).toBeNull();
    const answer = await actual(open, stranger);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const nullOrigin = await actual(open, 'null');
    expect(nullOrigin.headers.get('access-control-allow-origin')).toBeNull();
    expect(open.apiCalls()).toHaveLength(0);
    await expectServing(open);
  });
});

describe('production switches', () => {
  let development: Stack;
  let production: Stack;
  beforeAll(async () => {
    [development, production] = await Promise.all([startStack(), startStack({ gateway: { graphiql: false, introspection: false } })]);
  });
  afterAll(() => Promise.all([development.close(), production.close()]));
  beforeEach(() => {
    development.upstream.reset();
    production.upstream.reset();
  });

  const openInBrowser = (stack: Stack) => send(stack.gateway.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  const typo = '{ organizatons(first: 3) { edges { node { name } } } }';
  const inputTypo = 'mutation Rename($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { name } } }';

  it('serves GraphiQL to a browser by default', async () => {
    const page = await openInBrowser(development);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('org-gateway');
  });

  it('serves no GraphiQL page when GRAPHIQL is off, only a GraphQL error asking for a query', async () => {
    const page = await openInBrowser(production);
    expect(page.headers.get('content-type')).toContain('application/json');
    expect(page.text).not.toContain('<html');
    expect(codes(page)).toEqual(['BAD_REQUEST']);
    expect(page.json!.errors![0]!.message).toBe('The request has no "query": send the GraphQL document to run as the "query" parameter.');
    expect(production.apiCalls()).toHaveLength(0);
    await expectServing(production);
  });

  it('refuses introspection when INTROSPECTION is off, without calling the upstream', async () => {
    const response = await postGraphQL(production.gateway.url, getIntrospectionQuery(), undefined, { token: null });
    expect(response.status).toBe(400);
    expect(response.body).not.toHaveProperty('data');
    expect(response.body.errors![0]).toMatchObject({
      message: 'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const byType = await postGraphQL(production.gateway.url, '{ __type(name: "Organization") { fields { name } } }', undefined, {
      token: null,
    });
    expect(byType.body.errors![0]!.message).toContain('"__type"');
    expect(production.apiCalls()).toHaveLength(0);
    await expectServing(production);
  });

  it('suggests field names ("Did you mean …") while introspection is on', async () => {
    const response = await postGraphQL(development.gateway.url, typo);
    expect(response.body.errors![0]!.message).toBe(
      'Cannot query field "organizatons" on type "Query". Did you mean "organizations" or "organization"?',
    );
  });

  it('hides field-name suggestions in validation errors when introspection is off', async () => {
    const response = await postGraphQL(production.gateway.url, typo);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ message: 'Cannot query field "organizatons" on type "Query".' })]);
    expect(production.apiCalls()).toHaveLength(0);
  });

  it('hides suggestions in variable errors too when introspection is off', async () => {
    const variables = { input: { id: 'T3JnYW5pemF0aW9uOm9yZ18wMDAx', nam: 'Renamed' } };
    const shown = await postGraphQL(development.gateway.url, inputTypo, variables);
    expect(shown.body.errors![0]!.message).toContain('Did you mean "name"?');
    const hidden = await postGraphQL(production.gateway.url, inputTypo, variables);
    expect(hidden.body.errors).toEqual([
      expect.objectContaining({
        message:
          'Variable "$input" got invalid value { id: "T3JnYW5pemF0aW9uOm9yZ18wMDAx", nam: "Renamed" }; Field "nam" is not defined by type "UpdateOrganizationInput".',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
    expect(production.apiCalls()).toHaveLength(0);
    expect(development.apiCalls()).toHaveLength(0);
  });
});

describe('malformed and unusual requests, while another caller is served', () => {
  let stack: Stack;
  /** The same gateway without the lean path: every request through yoga's node adapter. */
  let viaYoga: GatewayHandle;
  const log = memoryLog();
  beforeAll(async () => {
    stack = await startStack({ gateway: { logger: createLogger('info', log.stream) } });
    viaYoga = await startGateway(stack.upstream.url, { leanPath: false, logger: createLogger('info', log.stream) });
  });
  afterAll(async () => {
    await viaYoga.close();
    await stack.close();
  });
  beforeEach(() => {
    stack.upstream.reset();
    log.lines.length = 0;
  });

  /** Upstream calls made with `token`. */
  const callsWith = (token: string) => stack.apiCalls().filter((call) => call.headers.authorization === `Bearer ${token}`);

  /**
   * Sends `request` (with the admin's token) while the demo member lists organizations through the
   * same gateway, and checks that the member got a normal answer with one upstream call.
   */
  async function besideAnotherCaller(url: string, request: () => Promise<Answer>): Promise<Answer> {
    const [answer, other] = await Promise.all([
      request(),
      postGraphQL<{ organizations: { edges: unknown[] } }>(url, NAMES, undefined, { token: DEMO_TOKENS.member }),
    ]);
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data!.organizations.edges.length).toBeGreaterThan(0);
    expect(callsWith(DEMO_TOKENS.member)).toHaveLength(1);
    return answer;
  }

  it.each(['variables', 'extensions'])(
    'answers 400 BAD_REQUEST to a GET whose %s parameter is not JSON, and logs no error',
    async (name) => {
      const url = new URL(stack.gateway.url);
      url.searchParams.set('query', NAMES);
      url.searchParams.set(name, '{"first": 3');
      const answer = await besideAnotherCaller(stack.gateway.url, () =>
        send(url.href, { headers: { authorization: JSON_HEADERS.authorization, accept: 'application/json' } }),
      );
      expect(answer.status).toBe(400);
      expect(codes(answer)).toEqual(['BAD_REQUEST']);
      expect(answer.json!.errors![0]!.message).toBe(`The "${name}" URL parameter is not valid JSON: send a JSON object, URL-encoded.`);
      expect(callsWith(DEMO_TOKENS.admin)).toHaveLength(0);
      // Any client could otherwise fill the error log (with stack traces) without a token.
      expect(log.entries().filter((entry) => entry['level'] === 'error' || entry['level'] === 'fatal')).toEqual([]);
      expect(log.lines.join('\n')).not.toContain('"stack"');
    },
  );

  it.each([
    ['the lean path', () => stack.gateway.url],
    ['yoga’s node adapter', () => viaYoga.url],
  ])('executes a POST sent as "Application/JSON; Charset=UTF-8" (media types are case-insensitive) on %s', async (_path, url) => {
    const answer = await besideAnotherCaller(url(), () =>
      send(url(), {
        method: 'POST',
        headers: { ...JSON_HEADERS, 'content-type': 'Application/JSON; Charset=UTF-8' },
        body: JSON.stringify({ query: NAMES }),
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ data: { organizations: { edges: [{}, {}, {}] } } });
    expect(callsWith(DEMO_TOKENS.admin)).toHaveLength(1);
  });

  it.each([
    ['application/graphql-response+json', 400],
    ['application/json', 200],
  ])('refuses a subscription as a validation error with a code (Accept %s: %i): the schema has none', async (accept, status) => {
    const answer = await besideAnotherCaller(stack.gateway.url, () =>
      send(stack.gateway.url, {
        method: 'POST',
        headers: { ...JSON_HEADERS, accept },
        body: JSON.stringify({ query: 'subscription Changes { __typename }' }),
      }),
    );
    expect(answer.status).toBe(status);
    expect(answer.json).not.toHaveProperty('data');
    expect(answer.json!.errors).toEqual([
      expect.objectContaining({
        message: 'The subscription operation is not supported by the schema: this API answers queries and mutations.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    expect(callsWith(DEMO_TOKENS.admin)).toHaveLength(0);
  });

  it('answers 400 BAD_REQUEST to a body of {} even when the client accepts only application/json', async () => {
    const answer = await besideAnotherCaller(stack.gateway.url, () =>
      send(stack.gateway.url, { method: 'POST', headers: { ...JSON_HEADERS, accept: 'application/json' }, body: '{}' }),
    );
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
    expect(answer.json!.errors![0]!.message).toBe('The request has no "query": send the GraphQL document to run as the "query" parameter.');
    expect(callsWith(DEMO_TOKENS.admin)).toHaveLength(0);
  });
});
