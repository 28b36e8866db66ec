/**
 * The lean path for JSON POSTs (src/http/listener.ts: the body read in the node:http listener and
 * handed to yoga as a buffered request) must answer exactly as yoga's own node adapter does. Two
 * gateways with the same settings, one with the lean path and one without, get the same requests
 * over HTTP; their answers (status, headers that matter, body) and what the upstream received from
 * each must be the same.
 */
import { request as httpRequest } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoUpstream, type DemoUpstream } from '../src/dialects/basedash/demo/upstream.js';
import { DEMO_TOKENS, startGateway, type GatewayHandle } from './helpers/stack.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request, sent as given: a body sent in several chunks goes without Content-Length. */
function send(url: string, headers: Record<string, string>, body: string | string[]): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunks = typeof body === 'string' ? [body] : body;
    const chunked = chunks.length > 1;
    const request = httpRequest(
      url,
      {
        method: 'POST',
        headers: chunked
          ? { ...headers, 'transfer-encoding': 'chunked' }
          : { ...headers, 'content-length': String(Buffer.byteLength(chunks[0]!)) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    // A gateway may answer 413 and close before every chunk is written; the answer is what counts.
    request.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

/** What of an answer must be the same on both paths (the Date header and the like may differ). */
function comparable(answer: RawAnswer) {
  const pick = [
    'content-type',
    'content-length',
    'x-request-id',
    'vary',
    'access-control-allow-origin',
    'access-control-allow-methods',
    'access-control-allow-credentials',
    'access-control-max-age',
    'connection',
  ];
  return {
    status: answer.status,
    headers: Object.fromEntries(pick.map((name) => [name, answer.headers[name]])),
    body: answer.body,
  };
}

const JSON_POST = { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.admin}` };
const LIST =
  'query Page($first: Int!) { organizations(first: $first) { edges { cursor node { id name slug trialEndsAt } } pageInfo { hasNextPage endCursor startCursor } } }';

interface Case {
  name: string;
  headers?: Record<string, string>;
  body: string | string[];
  /**
   * Where the lean path differs on purpose: what it must do instead, and the yoga answer made
   * comparable with it.
   */
  deliberate?: { lean: (answer: RawAnswer) => void; yoga: (answer: ReturnType<typeof comparable>) => ReturnType<typeof comparable> };
}

const body = (params: Record<string, unknown>) => JSON.stringify(params);

const CASES: Case[] = [
  { name: 'a page of organizations', body: body({ query: LIST, variables: { first: 3 }, operationName: 'Page' }) },
  {
    name: 'the same asking for application/graphql-response+json',
    headers: { accept: 'application/graphql-response+json' },
    body: body({ query: LIST, variables: { first: 2 } }),
  },
  {
    name: 'GraphiQL’s Accept list',
    headers: { accept: 'application/graphql-response+json, application/json, multipart/mixed' },
    body: body({ query: LIST, variables: { first: 2 } }),
  },
  { name: 'an Accept the gateway cannot answer', headers: { accept: 'text/html' }, body: body({ query: LIST, variables: { first: 2 } }) },
  { name: 'a streamed Accept', headers: { accept: 'text/event-stream' }, body: body({ query: '{ __typename }' }) },
  {
    name: 'charset in Content-Type',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: body({ query: '{ __typename }' }),
  },
  {
    name: 'a Content-Type in capitals',
    headers: { 'content-type': 'Application/JSON; Charset=UTF-8' },
    body: body({ query: LIST, variables: { first: 1 } }),
  },
  {
    name: 'a body that is not JSON',
    body: '{"query": ',
    // yoga's fetch implementation appends the whole body to the parser's message, echoing up to
    // the body limit back to the client; the lean path gives the parser's message alone.
    deliberate: {
      lean: (answer) => expect(answer.body).not.toContain('is not valid JSON'),
      yoga: (answer) => {
        const body = answer.body.replace(/, \\"\{\\"query\\": \\" is not valid JSON/, '');
        return { ...answer, body, headers: { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) } };
      },
    },
  },
  { name: 'a JSON array (batching is off)', body: body([{ query: '{ __typename }' }] as unknown as Record<string, unknown>) },
  { name: 'a JSON string', body: '"{ __typename }"' },
  { name: 'no query', body: body({ variables: {} }) },
  { name: 'a query that is not a string', body: body({ query: 42 }) },
  { name: 'an unknown parameter', body: body({ query: '{ __typename }', extra: true }) },
  { name: 'a syntax error', body: body({ query: '{ organizations(first: 2) { edges ' }) },
  { name: 'an unknown field', body: body({ query: '{ organizatons { id } }' }) },
  { name: 'variables of the wrong type', body: body({ query: LIST, variables: { first: 'three' } }) },
  { name: 'an operationName the document lacks', body: body({ query: LIST, variables: { first: 1 }, operationName: 'Nope' }) },
  { name: 'an operationName that is not a string', body: body({ query: LIST, variables: { first: 1 }, operationName: 7 }) },
  { name: 'no token', headers: { authorization: '' }, body: body({ query: LIST, variables: { first: 1 } }) },
  { name: 'a page too large', body: body({ query: LIST, variables: { first: 500 } }) },
  { name: 'an unknown id', body: body({ query: '{ organization(id: "T3JnYW5pemF0aW9uOm5vcGU=") { id } }' }) },
  {
    name: 'a write the upstream refuses',
    body: body({ query: 'mutation { updateOrganization(input: { id: "T3JnYW5pemF0aW9uOm5vcGU=", name: "x" }) { __typename } }' }),
  },
  {
    name: 'a chunked body under the limit',
    body: [body({ query: LIST, variables: { first: 1 } }).slice(0, 20), body({ query: LIST, variables: { first: 1 } }).slice(20)],
  },
  {
    name: 'a chunked body over the limit',
    body: ['{"query":"{ __typename }","x":"', ...Array.from({ length: 12 }, () => 'x'.repeat(10_000)), '"}'],
    // The lean path stops reading at the limit, so the connection cannot carry another request:
    // it closes it instead of letting Node read and discard the rest, however long that is.
    deliberate: {
      lean: (answer) => expect(answer.headers['connection']).toBe('close'),
      yoga: (answer) => ({ ...answer, headers: { ...answer.headers, connection: 'close' } }),
    },
  },
  { name: 'a Content-Length over the limit', body: body({ query: '{ __typename }', padding: 'x'.repeat(110_000) }) },
  { name: 'an allowed Origin', headers: { origin: 'https://app.example.com' }, body: body({ query: '{ __typename }' }) },
  { name: 'another Origin', headers: { origin: 'https://evil.example.net' }, body: body({ query: '{ __typename }' }) },
  { name: 'introspection', body: body({ query: getIntrospectionQuery() }) },
];

describe.each([
  { settings: 'default settings', options: { corsOrigins: ['https://app.example.com'] } },
  { settings: 'introspection off', options: { introspection: false, corsOrigins: ['https://app.example.com'] } },
])('the lean path answers like yoga’s adapter, with $settings', ({ options }) => {
  let upstream: DemoUpstream;
  let lean: GatewayHandle;
  let plain: GatewayHandle;

  beforeAll(async () => {
    upstream = await startDemoUpstream();
    lean = await startGateway(upstream.url, { ...options, leanPath: true });
    plain = await startGateway(upstream.url, { ...options, leanPath: false });
  });

  afterAll(async () => {
    await lean?.close();
    await plain?.close();
    await upstream?.close();
  });

  it.each(CASES.map((testCase, index) => ({ ...testCase, index })))('$name', async ({ headers, body: requestBody, index, deliberate }) => {
    const requestHeaders = { ...JSON_POST, 'x-request-id': `lean-path-${index}`, ...headers };
    if (requestHeaders.authorization === '') delete (requestHeaders as Record<string, string>)['authorization'];

    const before = upstream.requests.length;
    const viaYoga = await send(plain.url, requestHeaders, requestBody);
    const yogaCalls = upstream.requests.slice(before).map(({ method, url, headers: sent, body: sentBody }) => ({
      method,
      url,
      authorization: sent.authorization,
      requestId: sent['x-request-id'],
      sentBody,
    }));

    const middle = upstream.requests.length;
    const viaLean = await send(lean.url, requestHeaders, requestBody);
    const leanCalls = upstream.requests.slice(middle).map(({ method, url, headers: sent, body: sentBody }) => ({
      method,
      url,
      authorization: sent.authorization,
      requestId: sent['x-request-id'],
      sentBody,
    }));

    if (deliberate) deliberate.lean(viaLean);
    expect(comparable(viaLean)).toEqual(deliberate ? deliberate.yoga(comparable(viaYoga)) : comparable(viaYoga));
    expect(leanCalls).toEqual(yogaCalls);
  });

  it('refuses introspection exactly when it is off', async () => {
    const answer = await send(lean.url, JSON_POST, body({ query: '{ __schema { queryType { name } } }' }));
    if (options.introspection === false) {
      // A validation error: 200 to an application/json client (no Accept header), and no data.
      expect(answer.status).toBe(200);
      const answered = JSON.parse(answer.body) as { data?: unknown; errors: Array<{ message: string }> };
      expect(answered).not.toHaveProperty('data');
      expect(answered.errors[0]?.message).toContain('introspection has been disabled');
    } else {
      expect(JSON.parse(answer.body)).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    }
  });
});
