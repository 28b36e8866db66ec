/**
 * What every dialect's demo upstream shares: an HTTP server on loopback that records each request
 * it receives, misbehaves on demand (faults, for tests and benchmarks), and offers the control
 * endpoints `/__demo/faults`, `/__demo/requests` and `/__demo/reset` to other processes. The API
 * itself (routes, store, error documents) is the dialect's (src/dialects/<name>/demo/).
 * Plain node:http on purpose: no framework quirks between a contract and the bytes sent.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { systemTimers, type TimerHandle, type Timers } from '../timers.js';

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
  /** `performance.now()` when the request was read; with `closedAt`, shows which calls overlapped. */
  receivedAt: number;
  /** `performance.now()` when its connection's answer ended (sent or cut); unset while in flight. */
  closedAt?: number;
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
  | (FaultCommon & { kind: 'resetBody' })
  /**
   * Handle the request as usual (a write is made), then lose the answer: reset the connection, or
   * answer `status` with the dialect's error document instead, as an upstream whose proxy failed
   * after the write would.
   */
  | (FaultCommon & { kind: 'loseAnswer'; status?: number });

export interface DemoServerOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Recorded requests kept; the oldest are dropped beyond it, so long runs stay bounded. @default 10000 */
  maxRecordedRequests?: number;
  /** What times the `delay` and `slowBody` faults (../timers.ts); tests may move them by hand. @default Node's timers */
  timers?: Timers;
}

/** A dialect's API behind the harness. */
export interface DemoApi {
  /** The answer to one recorded request, as the real upstream would give it (errors included). */
  answer(request: RecordedRequest, search: URLSearchParams, raw: RawBody): Reply;
  /** Back to the seed data (the harness clears requests and faults itself). */
  reset(): void;
  /** The dialect's error document for a failure of the harness (an HttpFailure); rethrows anything else. */
  errorReply(error: unknown): Reply;
  /** What a `status` fault answers when it names no body: a realistic error document of the dialect. */
  faultReply(status: number): Reply;
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

const CONTROL_PREFIX = '/__demo';
/** Largest request body a demo reads; `RawBody.tooLarge` says a body was over it (the API answers 413). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface Reply {
  status: number;
  /** Serialized as JSON; no body when undefined. */
  body?: unknown;
  headers?: Readonly<Record<string, string>> | undefined;
}

export interface RawBody {
  text: string;
  tooLarge: boolean;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** Thrown inside request handling to answer with an error body. */
export class HttpFailure extends Error {
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

/** Starts the harness around a dialect's API; `api` is made once the harness can tell it nothing more. */
export async function startDemoServer(options: DemoServerOptions & { api: DemoApi }): Promise<DemoUpstream> {
  const { api } = options;
  const port = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';
  const maxRecorded = options.maxRecordedRequests ?? 10_000;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`port must be 0–65535, got ${port}`);
  if (!Number.isInteger(maxRecorded) || maxRecorded < 0) throw new RangeError(`maxRecordedRequests must be a whole number ≥ 0`);

  const requests: RecordedRequest[] = [];
  let faults: ActiveFault[] = [];
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
    api.reset();
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

  /** Fault control and inspection for tests and benchmarks running in another process. */
  function control(method: string, path: string, raw: RawBody): Reply {
    const invalid = (detail: string) => new HttpFailure(400, 'ValidationError', detail);
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
      return api.errorReply(error);
    }
  }

  async function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, respond: () => Reply): Promise<void> {
    switch (fault.kind) {
      case 'status': {
        const reply = fault.body !== undefined ? { status: fault.status, body: fault.body } : api.faultReply(fault.status);
        return send(res, { ...reply, status: fault.status, headers: { ...reply.headers, ...fault.headers } });
      }
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
      case 'loseAnswer': {
        respond();
        if (fault.status === undefined) {
          req.socket.resetAndDestroy();
          return;
        }
        return send(res, { ...api.faultReply(fault.status), status: fault.status });
      }
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
      receivedAt: performance.now(),
    };
    res.once('close', () => {
      request.closedAt = performance.now();
      if (!res.writableFinished) request.aborted = true;
    });
    record(request);
    const fault = takeFault(method, path, bearerToken(req.headers.authorization));
    const respond = () => answerOrError(request, search, raw);
    if (fault) return applyFault(fault, req, res, respond);
    send(res, respond());
  }

  function answerOrError(request: RecordedRequest, search: URLSearchParams, raw: RawBody): Reply {
    try {
      return api.answer(request, search, raw);
    } catch (error) {
      return api.errorReply(error);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof ClientGoneError) return;
      console.error('demo upstream: unexpected error', error);
      send(res, api.errorReply(new HttpFailure(500, 'InternalServerError', 'Internal server error')));
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

/** The bearer token of an Authorization header, without `Bearer `. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : /^bearer +(\S+) *$/i.exec(authorization)?.[1];
}

const FAULT_KEYS: Readonly<Record<Fault['kind'], readonly string[]>> = {
  status: ['status', 'body', 'headers'],
  delay: ['ms'],
  badBody: ['body', 'status', 'encoding'],
  slowBody: ['ms'],
  reset: [],
  resetBody: [],
  loseAnswer: ['status'],
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
    case 'loseAnswer': {
      const code = status('status', false);
      return { ...common, kind, ...(code === undefined ? {} : { status: code }) };
    }
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
