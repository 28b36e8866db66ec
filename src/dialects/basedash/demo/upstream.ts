/**
 * The built-in Basedash demo upstream: an in-process HTTP implementation of the REST contract in
 * schema/upstream/basedash.openapi.yaml over the in-memory store and seed data, inside the shared
 * demo harness (src/demo/harness.ts: request recording, faults, control endpoints). `npm start`
 * without settings puts the gateway in front of it; tests use it as an upstream that records what
 * it received and misbehaves on demand; benchmarks use it as a fast, local upstream.
 */
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import {
  HttpFailure,
  MAX_BODY_BYTES,
  startDemoServer,
  bearerToken,
  type DemoServerOptions,
  type DemoUpstream,
  type RawBody,
  type RecordedRequest,
  type Reply,
} from '../../../demo/harness.js';
import type { components } from '../openapi.js';
import { PeopleStore } from './people.js';
import { DEMO_TOKENS, DEMO_USER_IDS, seedOrganizations } from './seed.js';
import { OrganizationStore, StoreError, type CreateInput, type MemberView, type UpdateInput } from './store.js';

type Schemas = components['schemas'];

export type { DemoUpstream, Fault, RecordedRequest } from '../../../demo/harness.js';

export interface DemoUpstreamOptions extends DemoServerOptions {
  /** How many seed organizations to create. @default 120 */
  organizations?: number;
  /** Fixed-window rate limit per token; `false` disables it. @default false */
  rateLimit?: { max: number; windowMs: number } | false;
}

const ORGANIZATIONS_PATH = '/api/public/organizations';
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const TOKEN_USERS: ReadonlyMap<string, string> = new Map([
  [DEMO_TOKENS.admin, DEMO_USER_IDS.admin],
  [DEMO_TOKENS.member, DEMO_USER_IDS.member],
  [DEMO_TOKENS.outsider, DEMO_USER_IDS.outsider],
]);

const invalid = (detail: string) => new HttpFailure(400, 'ValidationError', detail);

export async function startDemoUpstream(options: DemoUpstreamOptions = {}): Promise<DemoUpstream> {
  const seedCount = options.organizations ?? 120;
  const rateLimit = options.rateLimit ?? false;
  if (rateLimit && (!Number.isInteger(rateLimit.max) || rateLimit.max < 1 || !(rateLimit.windowMs > 0))) {
    throw new RangeError('rateLimit needs max ≥ 1 (whole number) and windowMs > 0');
  }
  const seed = seedOrganizations(seedCount);
  let store = new OrganizationStore(seed);
  const peopleStore = new PeopleStore();
  const windows = new Map<string, { start: number; count: number }>();

  function checkRateLimit(token: string): void {
    if (!rateLimit) return;
    const now = Date.now();
    let window = windows.get(token);
    if (!window || now >= window.start + rateLimit.windowMs) windows.set(token, (window = { start: now, count: 0 }));
    window.count += 1;
    if (window.count <= rateLimit.max) return;
    throw new HttpFailure(429, 'RateLimitExceeded', `Rate limit of ${rateLimit.max} requests per ${rateLimit.windowMs} ms exceeded`, {
      extra: { retryAfterMs: window.start + rateLimit.windowMs - now },
    });
  }

  /** The API itself: the answer to one recorded request, as the real upstream would give it. */
  function answer(request: RecordedRequest, search: URLSearchParams, raw: RawBody): Reply {
    try {
      const people = peopleRoute(request.path);
      if (people) {
        const token = bearerToken(request.headers.authorization);
        const userId = token === undefined ? undefined : TOKEN_USERS.get(token);
        if (token === undefined || userId === undefined) throw new HttpFailure(401, 'Unauthorized', 'Missing or invalid API key');
        checkRateLimit(token);
        if (raw.tooLarge) throw new HttpFailure(413, 'PayloadTooLarge', `Request body must not exceed ${MAX_BODY_BYTES} bytes`);
        const { role } = store.get(userId, people.orgId);
        const reply = peopleStore.answer({
          ...people,
          method: request.method,
          role,
          paging: () => ({ limit: readLimit(search), cursor: readCursor(search) }),
          body: () => readJsonObject(request.headers, raw),
        });
        if (reply) return reply;
        throw new HttpFailure(404, 'NotFound', `No route for ${request.method} ${request.path}`);
      }
      const route = matchRoute(request.path);
      if (!route) throw new HttpFailure(404, 'NotFound', `No route for ${request.method} ${request.path}`);
      const allowed = route.kind === 'collection' ? ['GET', 'POST'] : ['GET', 'PATCH'];
      if (!allowed.includes(request.method)) {
        throw new HttpFailure(405, 'MethodNotAllowed', `${request.method} is not allowed here; use ${allowed.join(' or ')}`, {
          headers: { allow: allowed.join(', ') },
        });
      }
      const token = bearerToken(request.headers.authorization);
      const userId = token === undefined ? undefined : TOKEN_USERS.get(token);
      if (token === undefined || userId === undefined) throw new HttpFailure(401, 'Unauthorized', 'Missing or invalid API key');
      checkRateLimit(token);
      if (raw.tooLarge) throw new HttpFailure(413, 'PayloadTooLarge', `Request body must not exceed ${MAX_BODY_BYTES} bytes`);
      if (route.kind === 'badPath') throw invalid(route.detail);

      const includeSecret = readInclude(search);
      if (route.kind === 'collection' && request.method === 'GET') {
        const page = store.list(userId, { limit: readLimit(search), cursor: readCursor(search) });
        const last = page.items.at(-1);
        const body: Schemas['OrganizationList'] = {
          data: page.items.map((view) => fullObject(view, includeSecret)),
          pagination: { nextCursor: page.hasMore && last ? last.organization.id : null, hasMore: page.hasMore },
        };
        return { status: 200, body };
      }
      if (route.kind === 'collection') {
        const input = readCreateBody(request.headers, raw);
        const body: Schemas['OrganizationWriteResult'] = { data: writeObject(store.create(userId, input), includeSecret) };
        return { status: 201, body };
      }
      if (request.method === 'GET') {
        const body: Schemas['OrganizationResult'] = { data: fullObject(store.get(userId, route.id), includeSecret) };
        return { status: 200, body };
      }
      const input = readUpdateBody(request.headers, raw);
      const body: Schemas['OrganizationWriteResult'] = { data: writeObject(store.update(userId, route.id, input), includeSecret) };
      return { status: 200, body };
    } catch (error) {
      return errorReply(error);
    }
  }

  return startDemoServer({
    ...options,
    api: {
      answer,
      reset() {
        windows.clear();
        store = new OrganizationStore(seed);
        peopleStore.reset();
      },
      errorReply,
      faultReply,
    },
  });
}

/** `/api/public/organizations/{orgId}/<more>`: the members, groups and AI-usage routes (./people.ts). */
function peopleRoute(path: string): { orgId: string; rest: string[] } | undefined {
  if (!path.startsWith(`${ORGANIZATIONS_PATH}/`)) return undefined;
  const segments = path.slice(ORGANIZATIONS_PATH.length + 1).split('/');
  if (segments.length < 2) return undefined;
  try {
    const [orgId, ...rest] = segments.map(decodeURIComponent);
    return { orgId: orgId as string, rest };
  } catch {
    return undefined;
  }
}

type Route = { kind: 'collection' } | { kind: 'item'; id: string } | { kind: 'badPath'; detail: string };

function matchRoute(path: string): Route | undefined {
  if (path === ORGANIZATIONS_PATH) return { kind: 'collection' };
  if (!path.startsWith(`${ORGANIZATIONS_PATH}/`)) return undefined;
  const segment = path.slice(ORGANIZATIONS_PATH.length + 1);
  if (segment === '' || segment.includes('/')) return undefined;
  try {
    // Decoded exactly once: `%252F` stays the literal id `%2F`, and `%2F` is part of the id, not a separator.
    return { kind: 'item', id: decodeURIComponent(segment) };
  } catch {
    return { kind: 'badPath', detail: `Malformed percent-encoding in path segment "${segment}"` };
  }
}

function single(search: URLSearchParams, name: string): string | undefined {
  const values = search.getAll(name);
  if (values.length > 1) throw invalid(`"${name}" must be given at most once`);
  return values[0];
}

function readLimit(search: URLSearchParams): number {
  const value = single(search, 'limit');
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    throw invalid(`"limit" must be an integer from 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}), got "${value}"`);
  }
  return limit;
}

function readCursor(search: URLSearchParams): string | undefined {
  const cursor = single(search, 'cursor');
  if (cursor === '') throw invalid('"cursor" must be the id of the last item of the previous page, not empty');
  return cursor;
}

function readInclude(search: URLSearchParams): boolean {
  const include = single(search, 'include');
  if (include === undefined) return false;
  if (include === 'jwtSecret') return true;
  throw invalid(`"include" may only be "jwtSecret", got "${include}"`);
}

type Check = (value: unknown, field: string) => string | undefined;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** http(s), an optional leading `*.` wildcard label, a host, an optional port; no path, query or fragment. */
const ORIGIN = new RegExp(`^https?://(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*(?::(\\d{1,5}))?$`, 'i');
const SLUG = /^[a-z0-9-]+$/;

const isString: Check = (value, field) => (typeof value === 'string' ? undefined : `"${field}" must be a string`);
const isBoolean: Check = (value, field) => (typeof value === 'boolean' ? undefined : `"${field}" must be a boolean`);
const isName: Check = (value, field) =>
  typeof value !== 'string' ? `"${field}" must be a string` : value.length < 1 ? `"${field}" must be at least 1 character long` : undefined;
const isSlug: Check = (value, field) =>
  typeof value === 'string' && SLUG.test(value)
    ? undefined
    : `"${field}" must be a non-empty string of lowercase letters, digits and hyphens`;
const isOrigins: Check = (value, field) => {
  if (!Array.isArray(value)) return `"${field}" must be an array of strings`;
  for (const [index, origin] of value.entries()) {
    if (typeof origin !== 'string') return `"${field}[${index}]" must be a string`;
    const port = ORIGIN.exec(origin)?.[1];
    if (!ORIGIN.test(origin) || (port !== undefined && Number(port) > 65_535)) {
      return `"${field}[${index}]" is not a valid origin ("${origin}"); use e.g. https://example.com or https://*.example.com`;
    }
  }
  return undefined;
};

const CREATE_CHECKS = {
  name: isName,
  customAiContext: isString,
  skipOnboarding: isBoolean,
  fullEmbedEnabled: isBoolean,
  embedAllowedOrigins: isOrigins,
  slug: isSlug,
  isBillable: isBoolean,
  insightsEnabled: isBoolean,
} satisfies Record<keyof CreateInput, Check>;

const UPDATE_CHECKS = {
  name: isName,
  customAiContext: isString,
  skipOnboarding: isBoolean,
  fullEmbedEnabled: isBoolean,
  embedAllowedOrigins: isOrigins,
  isBillable: isBoolean,
  insightsEnabled: isBoolean,
} satisfies Record<keyof UpdateInput, Check>;

function readCreateBody(headers: IncomingHttpHeaders, raw: RawBody): CreateInput {
  const body = readJsonObject(headers, raw);
  const issues = checkFields(body, CREATE_CHECKS);
  if (!Object.hasOwn(body, 'name')) issues.unshift('"name" is required');
  if (issues.length > 0) throw invalid(issues.join('; '));
  // Sound: every key is one of CreateInput's and its value passed that key's check.
  return body as CreateInput;
}

function readUpdateBody(headers: IncomingHttpHeaders, raw: RawBody): UpdateInput {
  const body = readJsonObject(headers, raw);
  const issues = checkFields(body, UPDATE_CHECKS);
  if (issues.length > 0) throw invalid(issues.join('; '));
  return body as UpdateInput;
}

function checkFields(body: Record<string, unknown>, checks: Readonly<Record<string, Check>>): string[] {
  const issues: string[] = [];
  for (const [field, value] of Object.entries(body)) {
    const check = Object.hasOwn(checks, field) ? checks[field] : undefined;
    if (check) {
      const issue = check(value, field);
      if (issue) issues.push(issue);
    } else if (field === 'slug') {
      issues.push('"slug" cannot be changed after creation');
    } else {
      issues.push(`Unrecognized key "${field}"`);
    }
  }
  return issues;
}

function readJsonObject(headers: IncomingHttpHeaders, raw: RawBody): Record<string, unknown> {
  const mediaType = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw invalid('Content-Type must be application/json');
  let body: unknown;
  try {
    body = JSON.parse(raw.text);
  } catch {
    throw invalid('Request body must be valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('Request body must be a JSON object');
  return body as Record<string, unknown>;
}

/** The full object, as list and get answer it. */
function fullObject({ organization: o, role }: MemberView, includeSecret: boolean): Schemas['Organization'] {
  return {
    id: o.id,
    name: o.name,
    slug: o.slug,
    customAiContext: o.customAiContext,
    onboardingStatus: o.onboardingStatus,
    fullEmbedEnabled: o.fullEmbedEnabled,
    embedAllowedOrigins: [...o.embedAllowedOrigins],
    isBillable: o.isBillable,
    insightsEnabled: o.insightsEnabled,
    insightsFrequency: o.insightsFrequency,
    insightsPreferredDayOfWeek: o.insightsPreferredDayOfWeek,
    insightsPreferredDayOfMonth: o.insightsPreferredDayOfMonth,
    allowOnDemandAiUsage: o.allowOnDemandAiUsage,
    aiUsageOverageLimitCents: o.aiUsageOverageLimitCents,
    defaultDashboardAccessAudience: o.defaultDashboardAccessAudience,
    defaultDashboardAccessLevel: o.defaultDashboardAccessLevel,
    defaultChatAccessAudience: o.defaultChatAccessAudience,
    defaultChatAccessLevel: o.defaultChatAccessLevel,
    defaultAutomationAccessAudience: o.defaultAutomationAccessAudience,
    defaultAutomationAccessLevel: o.defaultAutomationAccessLevel,
    trialEndsAt: o.trialEndsAt,
    ...(includeSecret && role === 'ADMIN' ? { jwtSecret: o.jwtSecret } : {}),
  };
}

/** The reduced object create and update answer with (seeds 000/001 document no more fields). */
function writeObject({ organization: o, role }: MemberView, includeSecret: boolean): Schemas['OrganizationCore'] {
  return {
    id: o.id,
    name: o.name,
    slug: o.slug,
    customAiContext: o.customAiContext,
    onboardingStatus: o.onboardingStatus,
    fullEmbedEnabled: o.fullEmbedEnabled,
    embedAllowedOrigins: [...o.embedAllowedOrigins],
    isBillable: o.isBillable,
    insightsEnabled: o.insightsEnabled,
    trialEndsAt: o.trialEndsAt,
    ...(includeSecret && role === 'ADMIN' ? { jwtSecret: o.jwtSecret } : {}),
  };
}

function errorBody(title: string, detail: string, extra: Readonly<Record<string, unknown>> = {}): Schemas['ErrorResponse'] {
  return { error: { title, detail, ...extra } };
}

const STORE_ERRORS: Readonly<Record<StoreError['kind'], { status: number; title: string }>> = {
  notFound: { status: 404, title: 'NotFound' },
  forbidden: { status: 403, title: 'Forbidden' },
  conflict: { status: 409, title: 'Conflict' },
  invalidCursor: { status: 400, title: 'ValidationError' },
};

function errorReply(error: unknown): Reply {
  if (error instanceof HttpFailure) {
    return { status: error.status, body: errorBody(error.title, error.message, error.extra), headers: error.headers };
  }
  if (error instanceof StoreError) {
    const { status, title } = STORE_ERRORS[error.kind];
    return { status, body: errorBody(title, error.message) };
  }
  throw error;
}

/** Bodies that look like what the real API sends for each status, so error mapping sees realistic input. */
const FAULT_BODIES: Readonly<Record<number, readonly [title: string, detail: string]>> = {
  400: ['ValidationError', 'Invalid request'],
  401: ['Unauthorized', 'Missing or invalid API key'],
  403: ['Forbidden', 'You do not have access to this resource'],
  404: ['NotFound', 'Organization not found'],
  409: ['Conflict', 'The resource was modified concurrently'],
  500: ['InternalServerError', 'Internal server error'],
  502: ['BadGateway', 'Bad gateway'],
  503: ['ServiceUnavailable', 'Service temporarily unavailable'],
  504: ['GatewayTimeout', 'Gateway timeout'],
};

function faultReply(status: number): Reply {
  if (status < 400) return { status, body: {} };
  if (status === 429) return { status, body: errorBody('RateLimitExceeded', 'Too many requests', { retryAfterMs: 1000 }) };
  const [title, detail] = FAULT_BODIES[status] ?? [
    (STATUS_CODES[status] ?? 'Error').replace(/[^A-Za-z]/g, ''),
    STATUS_CODES[status] ?? `HTTP ${status}`,
  ];
  return { status, body: errorBody(title, detail) };
}
