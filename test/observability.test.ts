import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { printSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../src/dialects/basedash/graphql/schema.js';
import { GRAPHIQL_EXAMPLE } from '../src/dialects/basedash/graphql/schema.js';
import { loadTrustedDocuments } from '../src/graphql/trusted-documents.js';
import { createLogger } from '../src/observability/logger.js';
import { GatewayMetrics } from '../src/observability/metrics.js';
import { graphql } from './gql/gql.js';
import { memoryLog } from './helpers/memory-log.js';
import { DEMO_TOKENS, errorCodes, postGraphQL, startStack, type Stack } from './helpers/stack.js';

const WithSecrets = graphql(`
  query ObservedSecrets {
    organizations(first: 5) {
      edges {
        node {
          name
          jwtSecret
        }
      }
    }
  }
`);

describe('request ids, logs and metrics', () => {
  let stack: Stack;
  const log = memoryLog();
  const metrics = new GatewayMetrics({ processMetrics: false });
  beforeAll(async () => {
    stack = await startStack({ gateway: { logger: createLogger('info', log.stream), metrics } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('returns a generated request id and sends the same id upstream', async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.admin}` },
      body: JSON.stringify({ query: '{ organizations(first: 1) { edges { node { name } } } }' }),
    });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(stack.apiCalls()[0]!.headers['x-request-id']).toBe(id);
  });

  it('keeps a well-formed client request id and replaces one that could forge log lines', async () => {
    const kept = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-123.abc' },
      body: '{"query":"{ __typename }"}',
    });
    expect(kept.headers.get('x-request-id')).toBe('req-123.abc');
    const replaced = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'x'.repeat(300) },
      body: '{"query":"{ __typename }"}',
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one JSON line per operation with its upstream calls, and never the token or a secret', async () => {
    log.lines.length = 0;
    const response = await stack.query(WithSecrets, {}, { headers: { 'x-request-id': 'log-test-1' } });
    const secrets = response.body
      .data!.organizations.edges.map((edge) => edge.node.jwtSecret)
      .filter((secret): secret is string => Boolean(secret));
    expect(secrets.length).toBeGreaterThan(0);
    const line = log.entries().find((entry) => entry['requestId'] === 'log-test-1');
    expect(line).toMatchObject({
      level: 'info',
      msg: 'graphql operation',
      operation: 'ObservedSecrets',
      type: 'query',
      outcome: 'ok',
      upstream: [{ method: 'GET', route: '/api/public/organizations', status: 200, durationMs: expect.any(Number) }],
    });
    const everything = log.lines.join('\n');
    expect(everything).not.toContain(DEMO_TOKENS.admin);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  it('logs the error codes of a failed operation', async () => {
    log.lines.length = 0;
    await stack.query(WithSecrets, {}, { token: 'bad-token', headers: { 'x-request-id': 'log-test-2' } });
    expect(log.entries().find((entry) => entry['requestId'] === 'log-test-2')).toMatchObject({
      outcome: 'error',
      errorCodes: ['UNAUTHENTICATED'],
    });
    expect(log.lines.join('\n')).not.toContain('bad-token');
  });

  it('logs and counts a variable of the wrong type as BAD_USER_INPUT, the code its client got, while another caller is served', async () => {
    const scrape = async () => (await fetch(stack.gateway.url.replace('/graphql', '/metrics'))).text();
    const count = (text: string, code: string) =>
      Number(new RegExp(`^graphql_errors_total\\{code="${code}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    const before = await scrape();
    log.lines.length = 0;
    const page = 'query Page($first: Int) { organizations(first: $first) { edges { node { name } } } }';
    const [mistake, other] = await Promise.all([
      postGraphQL(stack.gateway.url, page, { first: 'ten' }, { headers: { 'x-request-id': 'coercion-1' } }),
      postGraphQL(stack.gateway.url, page, { first: 2 }, { token: DEMO_TOKENS.member, headers: { 'x-request-id': 'coercion-other' } }),
    ]);
    expect(errorCodes(mistake)).toEqual(['BAD_USER_INPUT']);
    expect(log.entries().find((entry) => entry['requestId'] === 'coercion-1')).toMatchObject({
      outcome: 'error',
      errorCodes: ['BAD_USER_INPUT'],
    });
    const after = await scrape();
    expect(count(after, 'BAD_USER_INPUT') - count(before, 'BAD_USER_INPUT')).toBe(1);
    expect(count(after, 'INTERNAL_SERVER_ERROR')).toBe(count(before, 'INTERNAL_SERVER_ERROR'));
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
    expect(log.entries().find((entry) => entry['requestId'] === 'coercion-other')).toMatchObject({ outcome: 'ok' });
  });

  it('serves Prometheus metrics with bounded labels: operation names, route templates, status codes', async () => {
    const id = Buffer.from('Organization:org_0001').toString('base64');
    await postGraphQL(stack.gateway.url, `query ById { organization(id: "${id}") { name } }`);
    const response = await fetch(stack.gateway.url.replace('/graphql', '/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/graphql_operations_total\{operation="ById",type="query",outcome="ok"\} 1/);
    expect(text).toMatch(/upstream_requests_total\{method="GET",route="\/api\/public\/organizations\/\{id\}",status="200"\} 1/);
    expect(text).toMatch(/graphql_errors_total\{code="UNAUTHENTICATED"\} \d+/);
    expect(text).toContain('upstream_circuit_state 0');
    expect(text).toContain('http_requests_in_flight');
    expect(text).not.toContain('org_0001');
    expect(text).not.toContain(DEMO_TOKENS.admin);
  });

  it('counts the requests in flight when scraped: the scrape itself and one waiting on the upstream', async () => {
    const scrape = async () =>
      /^http_requests_in_flight (\d+)$/m.exec(await (await fetch(stack.gateway.url.replace('/graphql', '/metrics'))).text())?.[1];
    expect(await scrape()).toBe('1');
    stack.upstream.injectFault({ kind: 'delay', ms: 400, match: { method: 'GET' } });
    const before = stack.apiCalls().length;
    const slow = postGraphQL(stack.gateway.url, '{ organizations(first: 1) { edges { node { name } } } }');
    // The slow request has reached the upstream once the demo recorded it.
    await expect.poll(() => stack.apiCalls().length > before, { timeout: 2000, interval: 10 }).toBe(true);
    expect(await scrape()).toBe('2');
    expect((await slow).status).toBe(200);
    expect(await scrape()).toBe('1');
  });

  it('caps distinct operation names so a client cannot grow the metric series without bound', async () => {
    const flood = Array.from({ length: 250 }, (_, index) => `Flood${index}`);
    for (const name of flood) metrics.operationLabel(name);
    expect(metrics.operationLabel('OneMore')).toBe('other');
    expect(metrics.operationLabel('x'.repeat(100))).toBe('other');
  });
});

describe('schema download', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('serves the SDL at GET /graphql/schema.graphql', async () => {
    const response = await fetch(`${stack.gateway.url}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`${printSchema(schema)}\n`);
  });
});

describe('tracing', () => {
  let stack: Stack;
  const exporter = new InMemorySpanExporter();
  beforeAll(async () => {
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    stack = await startStack({ gateway: { tracing: true } });
  });
  afterAll(async () => {
    await stack.close();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('makes one span per operation and one per upstream call, continues the caller’s trace, and sends the context upstream', async () => {
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    await stack.query(WithSecrets, {}, { headers: { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` } });
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((span) => span.name === 'query ObservedSecrets');
    const upstream = spans.find((span) => span.name === 'GET /api/public/organizations');
    expect(operation).toBeDefined();
    expect(upstream).toBeDefined();
    expect(operation!.spanContext().traceId).toBe(callerTrace);
    expect(upstream!.spanContext().traceId).toBe(callerTrace);
    expect(upstream!.parentSpanContext?.spanId).toBe(operation!.spanContext().spanId);
    const sent = stack.apiCalls()[0]!.headers['traceparent'];
    expect(sent).toBe(`00-${callerTrace}-${upstream!.spanContext().spanId}-01`);
  });
});

describe('trusted documents', () => {
  let stack: Stack;
  const manifestPath = new URL('./gql/persisted-documents.json', import.meta.url).pathname;
  const documents = loadTrustedDocuments(manifestPath);
  const [hash, document] = [...documents].find(([, text]) => text.includes('query ObservedSecrets'))!;
  beforeAll(async () => {
    stack = await startStack({ gateway: { trustedDocuments: documents } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('runs a document from the manifest by its documentId', async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.admin}` },
      body: JSON.stringify({ documentId: hash }),
    });
    const body = (await response.json()) as { data?: { organizations: { edges: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data!.organizations.edges).toHaveLength(5);
    expect(document).toContain('jwtSecret');
  });

  it('refuses any operation that is not in the manifest', async () => {
    const response = await postGraphQL(stack.gateway.url, '{ organizations(first: 100) { edges { node { jwtSecret } } } }');
    expect(errorCodes(response)).toEqual(['PERSISTED_QUERY_ONLY']);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('answers PERSISTED_QUERY_NOT_FOUND for an unknown documentId', async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documentId: 'f'.repeat(64) }),
    });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('GraphiQL for newcomers', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { graphiqlHeaders: { Authorization: `Bearer ${DEMO_TOKENS.admin}` } } });
  });
  afterAll(() => stack.close());

  it('opens with the example query and, in demo mode, the demo token in the headers tab', async () => {
    const page = await (await fetch(stack.gateway.url, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('query FirstOrganizations');
    expect(page).toContain(DEMO_TOKENS.admin);
  });

  it('runs the example query as it stands', async () => {
    const response = await postGraphQL<{ organizations: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      stack.gateway.url,
      GRAPHIQL_EXAMPLE,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organizations.edges).toHaveLength(10);
    expect(response.body.data!.organizations.pageInfo.hasNextPage).toBe(true);
  });
});
