import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, it, expect, beforeAll, afterAll, beforeEach, vi } from 'vitest';
import { DEMO_TOKENS, DEMO_USER_IDS, seedOrganizations } from '../src/dialects/basedash/demo/seed.js';
import { startDemoUpstream, type DemoUpstream } from '../src/dialects/basedash/demo/upstream.js';
import type { components } from '../src/dialects/basedash/openapi.js';
import { ManualTimers } from './helpers/manual-timers.js';

type Schemas = components['schemas'];

const ORGS = '/api/public/organizations';
const seed = seedOrganizations();
const newestFirstIds = [...seed.organizations].sort((a, b) => b.createdAt - a.createdAt).map((o) => o.id);
const rolesOf = (userId: string) =>
  new Map(seed.memberships.filter((m) => m.userId === userId).map((m) => [m.organizationId, m.role] as const));
const adminRoles = rolesOf(DEMO_USER_IDS.admin);
const memberRoles = rolesOf(DEMO_USER_IDS.member);
const notMemberOf = (roles: ReadonlyMap<string, unknown>) => {
  const id = newestFirstIds.find((candidate) => !roles.has(candidate));
  if (!id) throw new Error('the seed has no organization outside this user');
  return id;
};

const ajv = new Ajv2020({ strict: false });
ajv.addSchema({
  ...(parse(readFileSync(new URL('../schema/upstream/basedash.openapi.yaml', import.meta.url), 'utf8')) as object),
  $id: 'upstream',
});

/** Fails the test unless `body` validates against a schema of schema/upstream/basedash.openapi.yaml. */
function expectSchema(name: keyof Schemas, body: unknown): void {
  const validate = ajv.getSchema(`upstream#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  expect(validate(body), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

interface CallOptions {
  method?: string;
  /** Demo token; null sends no Authorization header. @default the admin token */
  token?: string | null;
  /** Sent as JSON with content-type application/json. */
  json?: unknown;
  /** Sent as is, with `headers` deciding the content type. */
  raw?: string;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

let upstream: DemoUpstream;

async function call(path: string, options: CallOptions = {}): Promise<Answer> {
  const token = options.token === undefined ? DEMO_TOKENS.admin : options.token;
  const response = await fetch(upstream.url + path, {
    method: options.method ?? 'GET',
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.json === undefined ? options.raw : JSON.stringify(options.json),
  });
  const text = await response.text();
  // The contract: every answer is JSON.
  expect(response.headers.get('content-type')).toBe('application/json');
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

function expectError(answer: Answer, status: number, title: string): string {
  expect(answer.status).toBe(status);
  expectSchema('ErrorResponse', answer.body);
  const { error } = answer.body as Schemas['ErrorResponse'];
  expect(error.title).toBe(title);
  return error.detail;
}

async function listAll(token: string, query = ''): Promise<Schemas['Organization'][]> {
  const items: Schemas['Organization'][] = [];
  let cursor: string | null = null;
  do {
    const answer = await call(`${ORGS}?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    const page = answer.body as Schemas['OrganizationList'];
    items.push(...page.data);
    cursor = page.pagination.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
});

afterAll(async () => {
  await upstream.close();
});

beforeEach(() => {
  upstream.reset();
});

describe('demo upstream: authentication', () => {
  it('answers 401 Unauthorized without a known bearer token', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer nope' }, { authorization: `Basic ${DEMO_TOKENS.admin}` }];
    for (const headers of attempts) {
      const detail = expectError(await call(ORGS, { token: null, headers }), 401, 'Unauthorized');
      expect(detail).toBe('Missing or invalid API key');
    }
  });
});

describe('demo upstream: listing organizations', () => {
  it('pages through all of the caller’s organizations newest first without duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await call(`${ORGS}?limit=17${cursor ? `&cursor=${cursor}` : ''}`);
      expect(answer.status).toBe(200);
      expectSchema('OrganizationList', answer.body);
      const { data, pagination } = answer.body as Schemas['OrganizationList'];
      seen.push(...data.map((o) => o.id));
      expect(pagination.nextCursor).toBe(pagination.hasMore ? data.at(-1)?.id : null);
      cursor = pagination.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(newestFirstIds.length / 17));
    expect(seen).toEqual(newestFirstIds);
  });

  it('returns 50 organizations per page when no limit is given', async () => {
    const page = (await call(ORGS)).body as Schemas['OrganizationList'];
    expect(page.data).toHaveLength(50);
    expect(page.pagination).toEqual({ nextCursor: newestFirstIds[49], hasMore: true });
  });

  it('shows each caller only the organizations they are a member of', async () => {
    expect((await listAll(DEMO_TOKENS.member)).map((o) => o.id)).toEqual(newestFirstIds.filter((id) => memberRoles.has(id)));
    expect(memberRoles.size).toBeGreaterThanOrEqual(8);
    const outsider = await call(ORGS, { token: DEMO_TOKENS.outsider });
    expect(outsider.body).toEqual({ data: [], pagination: { nextCursor: null, hasMore: false } });
  });

  it.each(['0', '101', '-1', '1.5', 'ten', '', '1e2'])(
    'rejects limit=%s with a ValidationError naming the allowed range',
    async (limit) => {
      const detail = expectError(await call(`${ORGS}?limit=${limit}`), 400, 'ValidationError');
      expect(detail).toMatch(/1 to 100/);
    },
  );

  it('rejects a cursor that is not an item of the caller’s list with a ValidationError', async () => {
    expectError(await call(`${ORGS}?cursor=org_9999`), 400, 'ValidationError');
    expectError(await call(`${ORGS}?cursor=${newestFirstIds[0]}`, { token: DEMO_TOKENS.outsider }), 400, 'ValidationError');
  });

  it('includes jwtSecret only when asked for and only where the caller is admin', async () => {
    expect((await listAll(DEMO_TOKENS.admin)).some((o) => 'jwtSecret' in o)).toBe(false);
    const withSecrets = await listAll(DEMO_TOKENS.admin, '&include=jwtSecret');
    const plainMemberships = withSecrets.filter((o) => adminRoles.get(o.id) === 'MEMBER');
    expect(plainMemberships.length).toBeGreaterThan(0);
    for (const organization of withSecrets) {
      if (adminRoles.get(organization.id) === 'ADMIN') expect(organization.jwtSecret).toMatch(/^[0-9a-f]{64}$/);
      else expect(organization).not.toHaveProperty('jwtSecret');
    }
    expect((await listAll(DEMO_TOKENS.member, '&include=jwtSecret')).some((o) => 'jwtSecret' in o)).toBe(false);
  });

  it('rejects include values other than jwtSecret with a ValidationError', async () => {
    expectError(await call(`${ORGS}?include=password`), 400, 'ValidationError');
  });
});

describe('demo upstream: getting one organization', () => {
  it('returns the full organization to a member and 404 NotFound to everyone else', async () => {
    const own = [...memberRoles.keys()][0];
    const answer = await call(`${ORGS}/${own}?include=jwtSecret`, { token: DEMO_TOKENS.member });
    expect(answer.status).toBe(200);
    expectSchema('OrganizationResult', answer.body);
    expect(answer.body).toMatchObject({ data: { id: own } });
    expect((answer.body as Schemas['OrganizationResult']).data).not.toHaveProperty('jwtSecret');

    const notFound = (a: Answer) => expect(expectError(a, 404, 'NotFound')).toBe('Organization not found');
    notFound(await call(`${ORGS}/${notMemberOf(memberRoles)}`, { token: DEMO_TOKENS.member }));
    notFound(await call(`${ORGS}/${own}`, { token: DEMO_TOKENS.outsider }));
    notFound(await call(`${ORGS}/org_9999`));
  });

  it('percent-decodes the organization id in the path exactly once', async () => {
    expect((await call(`${ORGS}/org%5F0001`)).body).toMatchObject({ data: { id: 'org_0001' } });
    expectError(await call(`${ORGS}/org%255F0001`), 404, 'NotFound');
    expectError(await call(`${ORGS}/org_0001%2F..`), 404, 'NotFound');
  });
});

describe('demo upstream: creating organizations', () => {
  it('answers 201 with only the write fields and lists the new organization first', async () => {
    const created = await call(`${ORGS}?include=jwtSecret`, {
      method: 'POST',
      json: { name: 'Acme Rockets', embedAllowedOrigins: ['https://acme.dev'], fullEmbedEnabled: true },
    });
    expect(created.status).toBe(201);
    expectSchema('OrganizationWriteResult', created.body);
    const { data } = created.body as Schemas['OrganizationWriteResult'];
    expect(Object.keys(data).sort()).toEqual(
      [
        'id',
        'name',
        'slug',
        'customAiContext',
        'onboardingStatus',
        'fullEmbedEnabled',
        'embedAllowedOrigins',
        'isBillable',
        'insightsEnabled',
        'trialEndsAt',
        'jwtSecret',
      ].sort(),
    );
    expect(data).toMatchObject({
      name: 'Acme Rockets',
      slug: 'acme-rockets',
      customAiContext: null,
      onboardingStatus: 'STARTED',
      fullEmbedEnabled: true,
      embedAllowedOrigins: ['https://acme.dev'],
      isBillable: true,
      insightsEnabled: true,
    });
    expect(Date.parse(data.trialEndsAt ?? '')).toBeGreaterThan(Date.now());

    const first = (await call(`${ORGS}?limit=1`)).body as Schemas['OrganizationList'];
    expect(first.data[0]).toMatchObject({ id: data.id, insightsFrequency: 'WEEKLY', aiUsageOverageLimitCents: null });
    expect(first.data[0]).not.toHaveProperty('jwtSecret');
  });

  it('marks onboarding COMPLETED when skipOnboarding is true', async () => {
    const created = await call(ORGS, { method: 'POST', json: { name: 'Skipper', skipOnboarding: true } });
    expect(created.body).toMatchObject({ data: { onboardingStatus: 'COMPLETED' } });
  });

  it('generates a free slug from the name when none is given', async () => {
    const slugs: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await call(ORGS, { method: 'POST', json: { name: 'Zürich Café' } });
      slugs.push((created.body as Schemas['OrganizationWriteResult']).data.slug);
    }
    expect(slugs).toEqual(['zurich-cafe', 'zurich-cafe-2']);
  });

  it('answers 409 Conflict when the requested slug is taken', async () => {
    const taken = seed.organizations[0]?.slug;
    const detail = expectError(await call(ORGS, { method: 'POST', json: { name: 'Copycat', slug: taken } }), 409, 'Conflict');
    expect(detail).toBe(`Slug "${taken}" is already taken`);
  });

  it('accepts exact, wildcard and port-qualified embed origins', async () => {
    const origins = ['https://example.com', 'https://*.example.com', 'http://localhost:3000', 'https://app.example.co.uk:8443'];
    const created = await call(ORGS, { method: 'POST', json: { name: 'Embedder', embedAllowedOrigins: origins } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ data: { embedAllowedOrigins: origins } });
  });

  it.each<[string, CallOptions]>([
    ['no name', { json: {} }],
    ['an empty name', { json: { name: '' } }],
    ['a name that is not a string', { json: { name: 42 } }],
    ['a boolean field given as a string', { json: { name: 'x', isBillable: 'yes' } }],
    ['customAiContext null', { json: { name: 'x', customAiContext: null } }],
    ['an unknown key', { json: { name: 'x', color: 'blue' } }],
    ['an origin with a path', { json: { name: 'x', embedAllowedOrigins: ['https://example.com/app'] } }],
    ['an origin with another scheme', { json: { name: 'x', embedAllowedOrigins: ['ftp://example.com'] } }],
    ['a bare wildcard origin', { json: { name: 'x', embedAllowedOrigins: ['https://*'] } }],
    ['origins that are not an array', { json: { name: 'x', embedAllowedOrigins: 'https://example.com' } }],
    ['a slug with capitals and spaces', { json: { name: 'x', slug: 'My Org' } }],
    ['a body that is not JSON', { raw: '{"name":', headers: { 'content-type': 'application/json' } }],
    ['a JSON array body', { raw: '[]', headers: { 'content-type': 'application/json' } }],
    ['a form content type', { raw: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
  ])('rejects a create with %s with a ValidationError', async (_, options) => {
    expectError(await call(ORGS, { method: 'POST', ...options }), 400, 'ValidationError');
    expect((await call(`${ORGS}?limit=1`)).body).toMatchObject({ data: [{ id: newestFirstIds[0] }] });
  });
});

describe('demo upstream: updating organizations', () => {
  const adminOwned = newestFirstIds.find((id) => adminRoles.get(id) === 'ADMIN' && !memberRoles.has(id)) ?? '';

  it('applies the given fields for an admin and answers 200 with only the write fields', async () => {
    const answer = await call(`${ORGS}/${adminOwned}`, {
      method: 'PATCH',
      json: { name: 'Renamed', customAiContext: 'Prices are in CHF.' },
    });
    expect(answer.status).toBe(200);
    expectSchema('OrganizationWriteResult', answer.body);
    const { data } = answer.body as Schemas['OrganizationWriteResult'];
    expect(data).toMatchObject({ id: adminOwned, name: 'Renamed', customAiContext: 'Prices are in CHF.' });
    expect(data).not.toHaveProperty('insightsFrequency');
    expect((await call(`${ORGS}/${adminOwned}`)).body).toMatchObject({ data: { name: 'Renamed' } });
  });

  it('refuses an update from a member who is not admin with 403 Forbidden', async () => {
    const own = [...memberRoles.keys()][0];
    expectError(await call(`${ORGS}/${own}`, { method: 'PATCH', token: DEMO_TOKENS.member, json: { name: 'Mine now' } }), 403, 'Forbidden');
  });

  it('answers 404 NotFound to an update of an unknown or foreign organization', async () => {
    expectError(await call(`${ORGS}/org_9999`, { method: 'PATCH', json: { name: 'x' } }), 404, 'NotFound');
    expectError(await call(`${ORGS}/${adminOwned}`, { method: 'PATCH', token: DEMO_TOKENS.member, json: { name: 'x' } }), 404, 'NotFound');
  });

  it('rejects a slug in an update body with a ValidationError', async () => {
    const detail = expectError(
      await call(`${ORGS}/${adminOwned}`, { method: 'PATCH', json: { slug: 'new-slug' } }),
      400,
      'ValidationError',
    );
    expect(detail).toMatch(/slug/);
  });
});

describe('demo upstream: routing', () => {
  it('answers 404 for unknown paths and 405 with Allow for unsupported methods', async () => {
    expectError(await call('/api/public/users'), 404, 'NotFound');
    expectError(await call(`${ORGS}/org_0001/insights`), 404, 'NotFound');
    const deleted = await call(`${ORGS}/org_0001`, { method: 'DELETE' });
    expectError(deleted, 405, 'MethodNotAllowed');
    expect(deleted.headers.get('allow')).toBe('GET, PATCH');
  });
});

describe('demo upstream: faults', () => {
  it('answers an injected status with a realistic error body, then recovers', async () => {
    upstream.injectFault({ kind: 'status', status: 503 });
    expectError(await call(ORGS), 503, 'ServiceUnavailable');
    expect((await call(ORGS)).status).toBe(200);
  });

  it('gives an injected 429 a retryAfterMs unless a body is given', async () => {
    upstream.injectFault({ kind: 'status', status: 429 });
    upstream.injectFault({
      kind: 'status',
      status: 429,
      body: { error: { title: 'RateLimitExceeded', detail: 'slow down', retryAfterMs: 7 } },
    });
    const first = await call(ORGS);
    expectSchema('RateLimitErrorResponse', first.body);
    expect(first.body).toMatchObject({ error: { retryAfterMs: 1000 } });
    expect((await call(ORGS)).body).toMatchObject({ error: { retryAfterMs: 7 } });
  });

  it('applies each fault to `times` matching requests, checking faults in injection order', async () => {
    upstream.injectFault({ kind: 'status', status: 500, times: 2, match: { method: 'post' } });
    upstream.injectFault({ kind: 'status', status: 502, match: { pathPrefix: `${ORGS}/` } });
    expect((await call(ORGS)).status).toBe(200);
    expect((await call(`${ORGS}/org_0001`)).status).toBe(502);
    expect((await call(`${ORGS}/org_0001`)).status).toBe(200);
    const create = { method: 'POST', json: { name: 'Retry Me' } };
    expect([(await call(ORGS, create)).status, (await call(ORGS, create)).status, (await call(ORGS, create)).status]).toEqual([
      500, 500, 201,
    ]);
  });

  it('delays the answer by the injected milliseconds', async () => {
    upstream.injectFault({ kind: 'delay', ms: 120 });
    const started = performance.now();
    expect((await call(ORGS)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('sends an injected bad body labelled as JSON', async () => {
    upstream.injectFault({ kind: 'badBody', body: '{"data": [tru', status: 200 });
    const response = await fetch(upstream.url + ORGS, { headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('{"data": [tru');
  });

  it('sends an injected bad body given as base64 byte for byte', async () => {
    const bytes = Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    upstream.injectFault({ kind: 'badBody', body: bytes.toString('base64'), encoding: 'base64' });
    const response = await fetch(upstream.url + ORGS, { headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` } });
    expect(response.headers.get('content-length')).toBe('6');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('sends the headers and half the body, stalls for the injected milliseconds, then finishes', async () => {
    // The stall runs on timers that move only when the test moves them.
    vi.useFakeTimers({ toFake: ['Date'] });
    const timers = new ManualTimers();
    const stalling = await startDemoUpstream({ timers });
    try {
      stalling.injectFault({ kind: 'slowBody', ms: 150 });
      const response = await fetch(`${stalling.url}${ORGS}?limit=5`, { headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` } });
      // The headers are here while the rest of the body waits out the 150 ms stall.
      expect(response.status).toBe(200);
      expect(timers.waiting()).toEqual([150]);
      const body = response.json() as Promise<Schemas['OrganizationList']>;
      await timers.advance(150);
      expect((await body).data.map((o) => o.id)).toEqual(newestFirstIds.slice(0, 5));
    } finally {
      await stalling.close();
      vi.useRealTimers();
    }
  });

  it('resets the connection without answering, and still records the request', async () => {
    upstream.injectFault({ kind: 'reset' });
    await expect(fetch(upstream.url + ORGS, { headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` } })).rejects.toThrow();
    expect(upstream.requests).toHaveLength(1);
    expect((await call(ORGS)).status).toBe(200);
  });

  it('rejects a malformed fault with a TypeError', () => {
    expect(() => upstream.injectFault({ kind: 'delay', ms: -1 })).toThrow(TypeError);
    expect(() => upstream.injectFault(JSON.parse('{"kind":"status","status":503,"time":2}') as never)).toThrow(/unknown key "time"/);
    expect(() => upstream.injectFault(JSON.parse('{"kind":"badBody","body":"","encoding":"hex"}') as never)).toThrow(
      /"encoding" must be "utf8" or "base64"/,
    );
  });
});

describe('demo upstream: recording and control', () => {
  it('records method, raw path, query, headers and parsed body of every API request', async () => {
    await call(`${ORGS}?limit=2&include=jwtSecret&x=1&x=2`);
    await call(`${ORGS}/org%5F0001`, { method: 'PATCH', json: { name: 'Recorded' }, headers: { 'x-trace': 'abc' } });
    await call(ORGS, { method: 'POST', raw: 'not json', headers: { 'content-type': 'text/plain' } });
    expect(upstream.requests).toMatchObject([
      {
        method: 'GET',
        path: ORGS,
        url: `${ORGS}?limit=2&include=jwtSecret&x=1&x=2`,
        query: { limit: '2', include: 'jwtSecret', x: ['1', '2'] },
        body: undefined,
      },
      {
        method: 'PATCH',
        path: `${ORGS}/org%5F0001`,
        headers: { authorization: `Bearer ${DEMO_TOKENS.admin}`, 'x-trace': 'abc' },
        body: { name: 'Recorded' },
      },
      { method: 'POST', body: 'not json' },
    ]);
  });

  it('offers fault control and the recorded requests over HTTP under /__demo', async () => {
    const post = await call('/__demo/faults', { method: 'POST', token: null, json: { kind: 'status', status: 418, times: 2 } });
    expect(post.status).toBe(204);
    expect((await call(ORGS)).status).toBe(418);
    expect((await call('/__demo/faults', { method: 'DELETE', token: null })).status).toBe(204);
    expect((await call(ORGS)).status).toBe(200);
    expectError(await call('/__demo/faults', { method: 'POST', token: null, json: { kind: 'explode' } }), 400, 'ValidationError');

    const recorded = await call('/__demo/requests', { token: null });
    expect(recorded.status).toBe(200);
    expect((recorded.body as Array<{ path: string }>).map((r) => r.path)).toEqual([ORGS, ORGS]);
  });

  it('reset clears recorded requests and faults and restores the seed data', async () => {
    await call(ORGS, { method: 'POST', json: { name: 'Temporary' } });
    upstream.injectFault({ kind: 'status', status: 500 });
    upstream.reset();
    expect(upstream.requests).toEqual([]);
    expect((await call(`${ORGS}?limit=1`)).body).toMatchObject({ data: [{ id: newestFirstIds[0] }] });
  });
});

describe('demo upstream: rate limiting and shutdown', () => {
  it('limits each token to max requests per window with 429 RateLimitExceeded and retryAfterMs', async () => {
    // The window reads Date.now(): frozen, all the requests below fall in one window however slow the machine.
    vi.useFakeTimers({ toFake: ['Date'] });
    const limited = await startDemoUpstream({ rateLimit: { max: 2, windowMs: 500 } });
    try {
      const get = (token: string) => fetch(limited.url + ORGS, { headers: { authorization: `Bearer ${token}` } });
      expect([(await get(DEMO_TOKENS.admin)).status, (await get(DEMO_TOKENS.admin)).status]).toEqual([200, 200]);
      const refused = await get(DEMO_TOKENS.admin);
      expect(refused.status).toBe(429);
      const body = (await refused.json()) as Schemas['RateLimitErrorResponse'];
      expectSchema('RateLimitErrorResponse', body);
      expect(body.error.title).toBe('RateLimitExceeded');
      expect(body.error.retryAfterMs).toBeGreaterThan(0);
      expect(body.error.retryAfterMs).toBeLessThanOrEqual(500);
      expect((await get(DEMO_TOKENS.member)).status).toBe(200);
    } finally {
      await limited.close();
      vi.useRealTimers();
    }
  });

  it('closes promptly despite open keep-alive connections and pending delays', async () => {
    // The delay runs on timers that move only when the test moves them: close() cannot wait it out.
    vi.useFakeTimers({ toFake: ['Date'] });
    const timers = new ManualTimers();
    const other = await startDemoUpstream({ organizations: 3, timers });
    try {
      expect((await fetch(other.url + ORGS, { headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` } })).status).toBe(200);
      other.injectFault({ kind: 'delay', ms: 10_000 });
      const pending = fetch(other.url + ORGS, { headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` } }).catch(
        (error: unknown) => error,
      );
      while (timers.waiting().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await other.close();
      // The pending delay was cancelled, not waited out, and its request was cut off.
      expect(timers.waiting()).toEqual([]);
      expect(await pending).toBeInstanceOf(Error);
    } finally {
      await other.close();
      vi.useRealTimers();
    }
  });
});
