/**
 * The built-in demo upstream: an in-process HTTP implementation of the REST contract in
 * schema/upstream.openapi.yaml over the in-memory store and seed data. `npm start` without
 * settings puts the gateway in front of it; tests use it as an upstream that records what it
 * received and misbehaves on demand (faults); benchmarks use it as a fast, local upstream.
 * Plain node:http on purpose: no framework quirks between the contract and the bytes sent.
 */
import { createServer, STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { systemTimers, type TimerHandle, type Timers } from '../timers.js';
import type { components } from '../upstream/openapi.js';
import { DEMO_TOKENS, DEMO_USER_IDS, seedOrganizations } from './seed.js';
import { OrganizationStore, StoreError, type CreateInput, type MemberView, type UpdateInput } from './store.js';

type Schemas = components['schemas'];

export interface RecordedRequest {
  method: string;
  /** Path without the query, exactly as received (still percent-encoded). */
  path: string;
  /** raw path+query as received */
  url: string;
  /** Query parameters; a repeated parameter becomes an array. */
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  /** parsed JSON body, or the raw string if not JSON, or undefined */
  body: unknown;
  /**
   * Whether the connection closed before the answer was completely sent: the client went away
   * (e.g. the gateway cancelled the call) or a reset fault cut it. Set when that happens.
   */
  aborted: boolean;
}

/** Which requests a fault applies to; every given condition must hold. */
export interface FaultMatch {
  /** HTTP method, case-insensitive. @default any method */
  method?: string;
  /** Start of the raw request path, e.g. `/api/public/organizations/`. @default any path */
  pathPrefix?: string;
  /**
   * The bearer token the request carries (without `Bearer `), so a fault can hit one caller's
   * calls only, as an upstream that trips on one tenant's data would. @default any caller
   */
  token?: string;
}

interface FaultCommon {
  /** How many matching requests the fault applies to before it is used up. @default 1 */
  times?: number;
  match?: FaultMatch;
}

/**
 * Misbehaviour for the next matching requests. Faults are checked in the order they were
 * injected; the first match applies. Requests hit by a fault are still recorded.
 */
export type Fault =
  /**
   * Answer with this status and JSON body. @default body a realistic `{ error: { title, detail } }`
   * for 4xx/5xx (with `retryAfterMs: 1000` for 429), `{}` otherwise.
   */
  | (FaultCommon & { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> })
  /** Wait `ms`, then answer normally. */
  | (FaultCommon & { kind: 'delay'; ms: number })
  /**
   * Answer `status` (default 200) with this raw body, labelled `application/json`. With
   * `encoding: 'base64'`, `body` is the base64 of the bytes to send (e.g. invalid UTF-8). @default encoding 'utf8'
   */
  | (FaultCommon & { kind: 'badBody'; body: string; status?: number; encoding?: 'utf8' | 'base64' })
  /** Send the headers and the first half of the normal answer, wait `ms`, then send the rest. */
  | (FaultCommon & { kind: 'slowBody'; ms: number })
  /** Reset the connection (TCP RST) without answering. */
  | (FaultCommon & { kind: 'reset' })
  /** Send the headers and the first half of the normal answer, then reset the connection. */
  | (FaultCommon & { kind: 'resetBody' });

export interface DemoUpstreamOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** How many seed organizations to create. @default 120 */
  organizations?: number;
  /** Fixed-window rate limit per token; `false` disables it. @default false */
  rateLimit?: { max: number; windowMs: number } | false;
  /** Recorded requests kept; the oldest are dropped beyond it, so long runs stay bounded. @default 10000 */
  maxRecordedRequests?: number;
  /** What times the `delay` and `slowBody` faults (../timers.ts); tests may move them by hand. @default Node's timers */
  timers?: Timers;
}

export interface DemoUpstream {
  /** Origin, e.g. `http://127.0.0.1:12345`. */
  url: string;
  /** Requests received, oldest first (requests to `/__demo/*` excluded). Cleared in place by reset(). */
  requests: RecordedRequest[];
  /** Validates and queues a fault; throws a TypeError for a malformed one. */
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** clears requests and faults and re-seeds data */
  reset(): void;
  /** Stops listening and drops every connection, keep-alive ones included. Idempotent. */
  close(): Promise<void>;
}

const ORGANIZATIONS_PATH = '/api/public/organizations';
const CONTROL_PREFIX = '/__demo';
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const TOKEN_USERS: ReadonlyMap<string, string> = new Map([
  [DEMO_TOKENS.admin, DEMO_USER_IDS.admin],
  [DEMO_TOKENS.member, DEMO_USER_IDS.member],
  [DEMO_TOKENS.outsider, DEMO_USER_IDS.outsider],
]);

interface Reply {
  status: number;
  /** Serialized as JSON; no body when undefined. */
  body?: unknown;
  headers?: Readonly<Record<string, string>> | undefined;
}

interface RawBody {
  text: string;
  tooLarge: boolean;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** Thrown inside request handling to answer with an error body. */
class HttpFailure extends Error {
  readonly status: number;
  readonly title: string;
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** Extra members of the `error` object, e.g. `retryAfterMs`. */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    title: string,
    detail: string,
    options: { headers?: Readonly<Record<string, string>>; extra?: Readonly<Record<string, unknown>> } = {},
  ) {
    super(detail);
    this.status = status;
    this.title = title;
    this.headers = options.headers;
    this.extra = options.extra ?? {};
  }
}

/** The client went away before its request body ended; nothing to answer, nothing to log. */
class ClientGoneError extends Error {}

const invalid = (detail: string) => new HttpFailure(400, 'ValidationError', detail);

export async function startDemoUpstream(options: DemoUpstreamOptions = {}): Promise<DemoUpstream> {
  const port = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';
  const seedCount = options.organizations ?? 120;
  const rateLimit = options.rateLimit ?? false;
  const maxRecorded = options.maxRecordedRequests ?? 10_000;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`port must be 0–65535, got ${port}`);
  if (!Number.isInteger(maxRecorded) || maxRecorded < 0) throw new RangeError(`maxRecordedRequests must be a whole number ≥ 0`);
  if (rateLimit && (!Number.isInteger(rateLimit.max) || rateLimit.max < 1 || !(rateLimit.windowMs > 0))) {
    throw new RangeError('rateLimit needs max ≥ 1 (whole number) and windowMs > 0');
  }
  const seed = seedOrganizations(seedCount);

  let store = new OrganizationStore(seed);
  const requests: RecordedRequest[] = [];
  let faults: ActiveFault[] = [];
  const windows = new Map<string, { start: number; count: number }>();
  const timers = options.timers ?? systemTimers;
  const pendingTimers = new Set<TimerHandle>();
  let closing: Promise<void> | undefined;

  /** Takes `unknown` because faults also arrive as JSON over the control endpoint. */
  function injectFault(fault: unknown): void {
    const checked = parseFault(fault);
    faults.push({ fault: checked, remaining: checked.times ?? 1 });
  }

  function clearFaults(): void {
    faults = [];
  }

  function reset(): void {
    requests.length = 0;
    clearFaults();
    windows.clear();
    store = new OrganizationStore(seed);
  }

  function record(request: RecordedRequest): void {
    requests.push(request);
    if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);
  }

  function takeFault(method: string, path: string, token: string | undefined): Fault | undefined {
    const index = faults.findIndex(({ fault }) => matches(fault.match, method, path, token));
    const active = faults[index];
    if (!active) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) faults.splice(index, 1);
    return active.fault;
  }

  /** Timers are tracked so close() can cancel pending delays instead of waiting them out. */
  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = timers.setTimeout(() => {
        pendingTimers.delete(timer);
        resolve();
      }, ms);
      pendingTimers.add(timer);
    });
  }

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

  /** Fault control and inspection for tests and benchmarks running in another process. */
  function control(method: string, path: string, raw: RawBody): Reply {
    const routes: Record<string, Partial<Record<string, () => Reply>>> = {
      '/__demo/faults': {
        GET: () => ({ status: 200, body: faults.map(({ fault, remaining }) => ({ ...fault, times: remaining })) }),
        POST: () => {
          let fault: unknown;
          try {
            fault = JSON.parse(raw.text);
          } catch {
            throw invalid('Request body must be a JSON fault');
          }
          try {
            injectFault(fault);
          } catch (error) {
            throw invalid(error instanceof Error ? error.message : String(error));
          }
          return { status: 204 };
        },
        DELETE: () => {
          clearFaults();
          return { status: 204 };
        },
      },
      '/__demo/requests': {
        GET: () => ({ status: 200, body: requests }),
        DELETE: () => {
          requests.length = 0;
          return { status: 204 };
        },
      },
      '/__demo/reset': {
        POST: () => {
          reset();
          return { status: 204 };
        },
      },
    };
    try {
      const handlers = routes[path];
      if (!handlers) throw new HttpFailure(404, 'NotFound', `No route for ${method} ${path}`);
      const handler = handlers[method];
      if (!handler) {
        const allowed = Object.keys(handlers).join(', ');
        throw new HttpFailure(405, 'MethodNotAllowed', `${method} is not allowed here; use ${allowed}`, { headers: { allow: allowed } });
      }
      return handler();
    } catch (error) {
      return errorReply(error);
    }
  }

  async function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, respond: () => Reply): Promise<void> {
    switch (fault.kind) {
      case 'status':
        return send(res, {
          status: fault.status,
          body: fault.body !== undefined ? fault.body : defaultFaultBody(fault.status),
          headers: fault.headers,
        });
      case 'delay':
        await wait(fault.ms);
        return send(res, respond());
      case 'badBody': {
        const payload = Buffer.from(fault.body, fault.encoding ?? 'utf8');
        res.writeHead(fault.status ?? 200, { 'content-type': 'application/json', 'content-length': payload.length });
        res.end(payload);
        return;
      }
      case 'slowBody': {
        const reply = respond();
        const payload = Buffer.from(serialize(reply));
        // Content-Length announces the whole body, so the client knows the rest is still to come.
        res.writeHead(reply.status, { ...headersFor(reply, payload.length) });
        const half = Math.max(1, Math.floor(payload.length / 2));
        res.write(payload.subarray(0, half));
        await wait(fault.ms);
        if (!res.destroyed) res.end(payload.subarray(half));
        return;
      }
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'resetBody': {
        const reply = respond();
        const payload = Buffer.from(serialize(reply));
        res.writeHead(reply.status, { ...headersFor(reply, payload.length) });
        // Flushed before the reset, so the client has read the headers and part of the body.
        await new Promise<void>((resolve) => res.write(payload.subarray(0, Math.max(1, Math.floor(payload.length / 2))), () => resolve()));
        req.socket.resetAndDestroy();
        return;
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart < 0 ? url : url.slice(0, queryStart);
    const search = new URLSearchParams(queryStart < 0 ? '' : url.slice(queryStart + 1));
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) return send(res, control(method, path, raw));

    const request: RecordedRequest = {
      method,
      path,
      url,
      query: queryRecord(search),
      headers: req.headers,
      body: raw.tooLarge ? undefined : looseJson(raw.text),
      aborted: false,
    };
    res.once('close', () => {
      if (!res.writableFinished) request.aborted = true;
    });
    record(request);
    const fault = takeFault(method, path, bearerToken(req.headers.authorization));
    const respond = () => answer(request, search, raw);
    if (fault) return applyFault(fault, req, res, respond);
    send(res, respond());
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof ClientGoneError) return;
      console.error('demo upstream: unexpected error', error);
      send(res, { status: 500, body: errorBody('InternalServerError', 'Internal server error') });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('demo upstream is not listening on a TCP port');
  // A wildcard address is where the server listens, not where a client can connect.
  const connectHost = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;

  return {
    url: `http://${connectHost.includes(':') ? `[${connectHost}]` : connectHost}:${address.port}`,
    requests,
    injectFault,
    clearFaults,
    reset,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of pendingTimers) timers.clearTimeout(timer);
        pendingTimers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        // Without this, close() waits for idle keep-alive sockets to time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
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

function bearerToken(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : /^bearer +(\S+) *$/i.exec(authorization)?.[1];
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

function defaultFaultBody(status: number): unknown {
  if (status < 400) return {};
  if (status === 429) return errorBody('RateLimitExceeded', 'Too many requests', { retryAfterMs: 1000 });
  const [title, detail] = FAULT_BODIES[status] ?? [
    (STATUS_CODES[status] ?? 'Error').replace(/[^A-Za-z]/g, ''),
    STATUS_CODES[status] ?? `HTTP ${status}`,
  ];
  return errorBody(title, detail);
}

const FAULT_KEYS: Readonly<Record<Fault['kind'], readonly string[]>> = {
  status: ['status', 'body', 'headers'],
  delay: ['ms'],
  badBody: ['body', 'status', 'encoding'],
  slowBody: ['ms'],
  reset: [],
  resetBody: [],
};

/** Checks a fault from untrusted input (HTTP control) or a test, and copies it. */
function parseFault(value: unknown): Fault {
  const fail = (detail: string) => new TypeError(`invalid fault: ${detail}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('must be an object');
  const input = value as Record<string, unknown>;
  const kind = input.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(FAULT_KEYS, kind)) {
    throw fail(`"kind" must be one of ${Object.keys(FAULT_KEYS).join(', ')}`);
  }
  const known = new Set(['kind', 'times', 'match', ...(FAULT_KEYS[kind as Fault['kind']] ?? [])]);
  for (const key of Object.keys(input)) if (!known.has(key)) throw fail(`unknown key "${key}" for kind "${kind}"`);

  const common: FaultCommon = {};
  if (input.times !== undefined) {
    const times = input.times;
    if (typeof times !== 'number' || !(times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && times >= 1))) {
      throw fail('"times" must be a whole number ≥ 1 (or Infinity)');
    }
    common.times = times;
  }
  if (input.match !== undefined) common.match = parseMatch(input.match, fail);

  const status = (key: string, required: boolean): number | undefined => {
    const code = input[key];
    if (code === undefined && !required) return undefined;
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 200 || code > 599)
      throw fail(`"${key}" must be an HTTP status from 200 to 599`);
    return code;
  };
  const ms = (): number => {
    const delay = input.ms;
    if (typeof delay !== 'number' || !Number.isFinite(delay) || delay < 0) throw fail('"ms" must be a number ≥ 0');
    return delay;
  };

  switch (kind) {
    case 'status': {
      const headers: Record<string, string> = {};
      if (input.headers !== undefined) {
        if (typeof input.headers !== 'object' || input.headers === null) throw fail('"headers" must be an object of strings');
        for (const [name, headerValue] of Object.entries(input.headers)) {
          if (typeof headerValue !== 'string') throw fail(`header "${name}" must be a string`);
          // Lower-cased so a fault's Content-Type replaces the default instead of doubling it.
          headers[name.toLowerCase()] = headerValue;
        }
      }
      return { ...common, kind, status: status('status', true) ?? 500, body: input.body, headers };
    }
    case 'delay':
      return { ...common, kind, ms: ms() };
    case 'slowBody':
      return { ...common, kind, ms: ms() };
    case 'badBody': {
      if (typeof input.body !== 'string') throw fail('"body" must be a string');
      const code = status('status', false);
      const encoding = input.encoding;
      if (encoding !== undefined && encoding !== 'utf8' && encoding !== 'base64') throw fail('"encoding" must be "utf8" or "base64"');
      return {
        ...common,
        kind,
        body: input.body,
        ...(code === undefined ? {} : { status: code }),
        ...(encoding === undefined ? {} : { encoding }),
      };
    }
    case 'resetBody':
      return { ...common, kind: 'resetBody' };
    default:
      return { ...common, kind: 'reset' };
  }
}

function parseMatch(value: unknown, fail: (detail: string) => Error): FaultMatch {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('"match" must be an object');
  const match: FaultMatch = {};
  for (const [key, condition] of Object.entries(value)) {
    if (key !== 'method' && key !== 'pathPrefix' && key !== 'token') throw fail(`unknown key "match.${key}"`);
    if (typeof condition !== 'string') throw fail(`"match.${key}" must be a string`);
    match[key] = condition;
  }
  return match;
}

function matches(match: FaultMatch | undefined, method: string, path: string, token: string | undefined): boolean {
  if (!match) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.token !== undefined && match.token !== token) return false;
  return match.pathPrefix === undefined || path.startsWith(match.pathPrefix);
}

function queryRecord(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    const [first] = values;
    query[name] = values.length === 1 && first !== undefined ? first : values;
  }
  return query;
}

function looseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function readBody(req: IncomingMessage): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining an oversized body so the 413 can still be delivered on this connection.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve({ text: size > MAX_BODY_BYTES ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }),
    );
    req.on('error', () => reject(new ClientGoneError('request aborted')));
    // After 'end' this is a no-op; before it, the client hung up mid-body.
    req.on('close', () => reject(new ClientGoneError('request closed before its body ended')));
  });
}

function hasBody(status: number): boolean {
  return status !== 204 && status !== 304 && status >= 200;
}

function serialize(reply: Reply): string {
  return hasBody(reply.status) && reply.body !== undefined ? JSON.stringify(reply.body) : '';
}

function headersFor(reply: Reply, length: number): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(hasBody(reply.status) ? { 'content-length': String(length) } : {}),
    ...reply.headers,
  };
}

function send(res: ServerResponse, reply: Reply): void {
  // The client may have hung up during a delay, or a fault may already have answered.
  if (res.headersSent || res.destroyed) return;
  const payload = serialize(reply);
  res.writeHead(reply.status, headersFor(reply, Buffer.byteLength(payload)));
  res.end(payload);
}
