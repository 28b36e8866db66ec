/**
 * The one place that speaks HTTP to the upstream. It owns the connection pool, timeouts, path
 * encoding and the headers sent, and turns every failure into a typed error from ./errors.ts.
 * Retries and the circuit breaker (./resilience.ts) wrap each call. Resolvers never build URLs or
 * headers; they call their dialect's typed functions (src/dialects/<name>/api.ts), which pass
 * through the caller's UpstreamSession (./session.ts).
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';
import { context as otelContext, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Dispatcher } from 'undici';
import {
  UpstreamAbortedError,
  UpstreamBadResponseError,
  UpstreamCircuitOpenError,
  UpstreamError,
  UpstreamHttpError,
  UpstreamRateLimitError,
  UpstreamThrottledError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type UpstreamErrorCode,
} from './errors.js';
import { callerKey } from './caller-key.js';
import { CallerSlots, Slots } from './fair-share.js';
import type { OperationCancellation } from './cancellation.js';
import type { ForwardedHeaders } from './forwarded-headers.js';
import { tracer } from '../observability/tracing.js';
import { systemTimers, type Timers } from '../timers.js';
import { Resilience, type CircuitState, type ResilienceOptions } from './resilience.js';
import { AnswerBodyError, Pool, errors as undiciErrors, requestBuffered, type BufferedAnswer } from './undici-core.js';
import type { Problem, WireFormat } from './wire.js';

export type { CircuitState };

export interface UpstreamClientOptions extends ResilienceOptions {
  /** Base URL of the upstream API. A path prefix (e.g. `https://host/proxy`) is kept. */
  baseUrl: URL;
  /** The upstream API's media types, error documents and probe path (its dialect's `wire`). */
  wire: WireFormat;
  /** Time to establish a TCP/TLS connection. @default 3000 */
  connectTimeoutMs?: number;
  /** Time from sending a request until the response headers arrive. @default 10000 */
  headersTimeoutMs?: number;
  /** Longest pause between two chunks of a response body. @default 10000 */
  bodyTimeoutMs?: number;
  /** Sockets kept open to the upstream. @default 64 */
  connections?: number;
  /** Largest response body accepted; larger ones fail as a bad response. @default 10 MiB */
  maxResponseBytes?: number;
  /** The transport; tests and benchmarks may swap it. @default a keep-alive undici Pool */
  dispatcher?: Dispatcher;
  /** Sent as `User-Agent`. @default 'org-gateway' */
  userAgent?: string;
  /** Told about every HTTP exchange (each retry too), e.g. to update metrics. @default none */
  onCall?: ((call: UpstreamCallRecord) => void) | undefined;
  /** Make an OpenTelemetry span per exchange and send its trace context upstream. @default false */
  tracing?: boolean | undefined;
  /** Upstream calls one caller may have in flight at once, so no caller can hold the pool. @default 16 */
  callerConcurrency?: number;
  /** How long a call past its caller's limit waits for one of them to end before it fails as THROTTLED. @default 1000 */
  callerQueueMs?: number;
  /** Upstream calls one GraphQL operation runs at once; the rest wait their turn. @default 10 */
  operationConcurrency?: number;
  /**
   * Told when the upstream stops answering (a connection could not be made, or was dropped
   * before the answer) and when it answers again: once per change, not per call, so it can go to
   * the log. @default none
   */
  onReachabilityChange?: ((change: ReachabilityChange) => void) | undefined;
}

/** The upstream became reachable again, or could not be reached, with why (e.g. `ECONNREFUSED`). */
export type ReachabilityChange = { reachable: true } | { reachable: false; cause: string };

/**
 * One HTTP exchange with the upstream as logs and metrics see it: the route template, never the
 * ids, query string or credentials.
 */
export interface UpstreamCallRecord {
  method: HttpMethod;
  /** e.g. `/api/public/organizations/{id}`. */
  route: string;
  /** The HTTP status, or what went wrong when no status arrived (e.g. `TIMEOUT`, `UNAVAILABLE`). */
  status: number | UpstreamErrorCode;
  durationMs: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface UpstreamRequest {
  method: HttpMethod;
  /** The path as a template (`/api/public/organizations/{id}`), for logs, metrics and span names. */
  route: string;
  /**
   * Path segments after the base URL's path. Each is percent-encoded as exactly one segment, so a
   * client-supplied id such as `../admin` or `a/b` can never reach another path.
   */
  path: readonly string[];
  query?: Readonly<Record<string, string | number | undefined>>;
  /** Serialized as JSON. */
  body?: unknown;
  /** The body's media type when not the wire format's usual one (e.g. `application/merge-patch+json`). */
  contentType?: string | undefined;
  /**
   * Sent as `Idempotency-Key`: the upstream de-duplicates the write by it, so the call may be
   * retried like a read (same key, same body).
   */
  idempotencyKey?: string | undefined;
  /** The caller's `Authorization` header value, forwarded unchanged. */
  authorization: string;
  /** Request id and trace context from the client's request; no other client header is sent. */
  forwarded?: ForwardedHeaders | undefined;
  /**
   * The operation's cancellation: the call is cancelled when the client disconnects or the
   * operation deadline passes, and retries that would not fit before the deadline are not made.
   */
  cancellation?: OperationCancellation | undefined;
  /** Each exchange made for this request is appended here, for the operation's log line. */
  calls?: UpstreamCallRecord[] | undefined;
  /** Who calls (./caller-key.ts), computed once per operation. @default derived from `authorization` */
  caller?: string | undefined;
  /** The operation's share of the upstream (operationSlots()); without it the call waits for none. */
  operationSlots?: Slots | undefined;
}

/** What a readiness probe learned about the upstream. */
export type ProbeResult = { reachable: true; status: number } | { reachable: false; reason: string; retryAfterMs?: number };

/** The latest probe's result and when it ended (epoch ms). */
export type ProbeRecord = ProbeResult & { at: number };

export interface UpstreamResponse {
  status: number;
  /** Parsed JSON body of a 2xx answer. */
  body: unknown;
  requestId: string | undefined;
}

const DEFAULTS = {
  connectTimeoutMs: 3_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  connections: 64,
  maxResponseBytes: 10 * 1024 * 1024,
  userAgent: 'org-gateway',
  callerConcurrency: 16,
  callerQueueMs: 1_000,
  operationConcurrency: 10,
} as const;

/** The readiness probe's caller key: no credential hashes to it (those are base64url). */
const PROBE_CALLER = '(readiness probe)';

export class UpstreamClient {
  readonly origin: string;
  /** What times upstream calls' deadlines, backoffs and waits, and readiness (options.timers). */
  readonly timers: Timers;
  private readonly basePath: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly headersTimeoutMs: number;
  private readonly bodyTimeoutMs: number;
  private readonly userAgent: string;
  private readonly resilience: Resilience;
  readonly wire: WireFormat;
  private readonly onCall: ((call: UpstreamCallRecord) => void) | undefined;
  private readonly tracing: boolean;
  private readonly callerSlots: CallerSlots;
  private readonly operationConcurrency: number;
  private readonly onReachabilityChange: ((change: ReachabilityChange) => void) | undefined;
  /** Undefined until the first exchange ends. */
  private reachable: boolean | undefined;

  constructor(options: UpstreamClientOptions) {
    this.onCall = options.onCall;
    this.wire = options.wire;
    this.onReachabilityChange = options.onReachabilityChange;
    this.tracing = options.tracing ?? false;
    this.origin = options.baseUrl.origin;
    this.basePath = options.baseUrl.pathname.replace(/\/+$/, '');
    this.headersTimeoutMs = options.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs;
    this.bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULTS.bodyTimeoutMs;
    this.userAgent = options.userAgent ?? DEFAULTS.userAgent;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new Pool(this.origin, {
        connections: options.connections ?? DEFAULTS.connections,
        connect: { timeout: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs },
        maxResponseSize: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
        keepAliveTimeout: 10_000,
      });
    this.timers = options.timers ?? systemTimers;
    this.resilience = new Resilience(options);
    this.callerSlots = new CallerSlots(
      options.callerConcurrency ?? DEFAULTS.callerConcurrency,
      options.callerQueueMs ?? DEFAULTS.callerQueueMs,
      this.timers,
    );
    this.operationConcurrency = options.operationConcurrency ?? DEFAULTS.operationConcurrency;
  }

  /** A new operation's share of the upstream: pass it with each of the operation's requests. */
  operationSlots(): Slots {
    return new Slots(this.operationConcurrency);
  }

  /** Callers with calls in flight or remembered failures (for tests of the memory bound). */
  get trackedCallers(): { inFlight: number; failures: number } {
    return { inFlight: this.callerSlots.size, failures: this.resilience.rememberedCallers };
  }

  /** The latest readiness probe's result, for /readyz and metrics; undefined before the first. */
  lastProbe: ProbeRecord | undefined;

  /** The circuit breaker's state (read-only), for metrics and readiness. */
  get circuitState(): CircuitState {
    return this.resilience.circuitState;
  }

  /**
   * Sends one request; resolves with the parsed body of a 2xx answer, throws an UpstreamError
   * otherwise. A GET, or a write with an idempotency key, may be sent more than once (see
   * ./resilience.ts); any other write never is.
   */
  async request(request: UpstreamRequest): Promise<UpstreamResponse> {
    const operation = `${request.method} ${this.basePath}/${request.path.join('/')}`;
    const exchange: Exchange = {
      method: request.method,
      route: request.route,
      calls: request.calls,
      path: this.buildPath(request),
      headers: this.headersFor(request),
      operation,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    };
    const cancellation = request.cancellation;
    const caller = request.caller ?? callerKey(request.authorization);
    cancellation?.callStarted();
    let releaseOperationSlot: (() => void) | undefined;
    let releaseCallerSlot: (() => void) | undefined;
    try {
      // The operation's own turn first (no time limit but its deadline), then the caller's share:
      // an operation's calls never wait on each other at the caller's limit, only on other
      // operations of the same caller.
      if (request.operationSlots) {
        const slots = request.operationSlots;
        await slots.acquire(cancellation);
        releaseOperationSlot = () => slots.release();
      }
      releaseCallerSlot = await this.callerSlots.acquire(caller, cancellation, () => this.throttled(operation));
      return await this.resilience.execute(
        {
          retryable: request.method === 'GET' || request.idempotencyKey !== undefined,
          caller,
          deadlineAt: cancellation?.deadlineAt,
          cancellation,
        },
        async () => interpret(await this.exchange(exchange, cancellation), operation, this.wire),
      );
    } catch (error) {
      // The cancellation ended the call while it waited for a slot, a backoff or a half-open circuit's trial call.
      if (cancellation?.aborted && !(error instanceof UpstreamError)) throw toTransportError(error, operation, cancellation);
      throw error;
    } finally {
      releaseCallerSlot?.();
      releaseOperationSlot?.();
      cancellation?.callEnded();
    }
  }

  private throttled(operation: string): UpstreamThrottledError {
    const { limit, waitMs } = this.callerSlots;
    return new UpstreamThrottledError(`${operation}: the caller already had ${limit} upstream calls in flight for ${waitMs} ms`, {
      operation,
      retryAfterMs: waitMs,
      limit,
    });
  }

  /**
   * Whether the upstream answers at all, for readiness: a GET of the collection with no
   * credentials, so no caller's token is used and the answer (normally 401) holds no data. Any
   * answer below 500 counts as reachable. It goes through the circuit breaker (an open circuit
   * answers without a call; an expired one lets the probe be the trial call), never retried.
   */
  async probe(timeoutMs: number): Promise<ProbeResult> {
    const result = await this.probeOnce(timeoutMs);
    this.lastProbe = { ...result, at: Date.now() };
    return result;
  }

  private async probeOnce(timeoutMs: number): Promise<ProbeResult> {
    const route = `${this.wire.probePath.split('?')[0]} (readiness probe)`;
    const operation = `GET ${this.basePath}${route}`;
    const exchange: Exchange = {
      method: 'GET',
      route,
      path: `${this.basePath}${this.wire.probePath}`,
      headers: { accept: this.wire.accept, 'user-agent': this.userAgent },
      operation,
    };
    // AbortSignal.timeout() would do, but its timer is Node's own, out of the reach of tests.
    const timeout = new AbortController();
    const signal = timeout.signal;
    const timer = this.timers.setTimeout(
      () => timeout.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      timeoutMs,
    );
    try {
      const status = await this.resilience.once(PROBE_CALLER, async () => {
        let answer: Answer;
        try {
          answer = await this.exchange(exchange, signal);
        } catch (error) {
          // The probe's own timeout is the upstream not answering, not a caller's budget running
          // out: it counts against the upstream, so a hanging trial call re-opens the circuit.
          if (error instanceof UpstreamTimeoutError && error.phase === 'deadline') {
            throw new UpstreamTimeoutError(`${operation}: no answer within ${timeoutMs} ms`, { operation, cause: error, phase: 'headers' });
          }
          throw error;
        }
        if (answer.status >= 500) throw toHttpError(answer.status, {}, answer.headers, operation, answer.requestId);
        return answer.status;
      });
      return { reachable: true, status };
    } catch (error) {
      if (error instanceof UpstreamCircuitOpenError) {
        return { reachable: false, reason: 'circuit breaker open', retryAfterMs: error.retryAfterMs };
      }
      if (error instanceof UpstreamError) return { reachable: false, reason: probeReason(error) };
      throw error;
    } finally {
      this.timers.clearTimeout(timer);
    }
  }

  /** Closes idle sockets and waits for in-flight requests (when this client created the pool). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** One HTTP round trip, recorded for logs and metrics and traced when tracing is on. */
  private async exchange(exchange: Exchange, signal: CancelSignal | undefined): Promise<Answer> {
    const started = performance.now();
    const span = this.tracing
      ? tracer().startSpan(`${exchange.method} ${exchange.route}`, {
          kind: SpanKind.CLIENT,
          attributes: { 'http.request.method': exchange.method, 'url.template': exchange.route, 'server.address': this.origin },
        })
      : undefined;
    let headers = exchange.headers;
    if (span) {
      // The upstream sees this call's span as its parent (replacing the client's traceparent).
      headers = { ...headers };
      propagation.inject(trace.setSpan(otelContext.active(), span), headers);
    }
    let status: UpstreamCallRecord['status'] = 'UNAVAILABLE';
    try {
      const answer = await this.roundTrip(exchange, headers, signal);
      status = answer.status;
      if (this.reachable !== true) {
        if (this.reachable === false) this.onReachabilityChange?.({ reachable: true });
        this.reachable = true;
      }
      return answer;
    } catch (error) {
      if (error instanceof UpstreamError) status = error.code;
      const cause = unreachableCause(error);
      if (cause !== undefined && this.reachable !== false) {
        this.reachable = false;
        this.onReachabilityChange?.({ reachable: false, cause });
      }
      throw error;
    } finally {
      const record: UpstreamCallRecord = {
        method: exchange.method,
        route: exchange.route,
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      };
      exchange.calls?.push(record);
      this.onCall?.(record);
      if (span) {
        if (typeof status === 'number') span.setAttribute('http.response.status_code', status);
        if (typeof status !== 'number' || status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: String(status) });
        span.end();
      }
    }
  }

  /** The bare HTTP exchange; transport failures become typed errors, HTTP statuses do not (yet). */
  private async roundTrip(exchange: Exchange, headers: Record<string, string>, signal: CancelSignal | undefined): Promise<Answer> {
    // After a retry's backoff the operation may be over: fail without touching the network.
    if (signal?.aborted) throw toTransportError(signal.reason, exchange.operation, signal);
    let response: BufferedAnswer;
    try {
      // Redirects are not followed: undici never does unless told to, and a redirect could carry
      // the caller's token to another host. A 3xx is an unexpected status.
      response = await requestBuffered(this.dispatcher, {
        origin: this.origin,
        path: exchange.path,
        method: exchange.method,
        headers,
        body: exchange.body,
        signal,
        headersTimeout: this.headersTimeoutMs,
        bodyTimeout: this.bodyTimeoutMs,
      });
    } catch (error) {
      if (error instanceof AnswerBodyError) throw toTransportError(error.cause, exchange.operation, signal, error.statusCode);
      throw toTransportError(error, exchange.operation, signal);
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      requestId: headerValue(response.headers['x-request-id']),
      bytes: response.body,
    };
  }

  /**
   * Every header the upstream gets, built from typed fields only: nothing is copied from the
   * client's request by name, so Cookie, Host, X-Forwarded-* and hop-by-hop headers cannot pass.
   */
  private headersFor(request: UpstreamRequest): Record<string, string> {
    const headers: Record<string, string> = {
      authorization: request.authorization,
      accept: this.wire.accept,
      'user-agent': this.userAgent,
    };
    if (request.body !== undefined) headers['content-type'] = request.contentType ?? this.wire.contentType;
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    const forwarded = request.forwarded;
    if (forwarded?.requestId !== undefined) headers['x-request-id'] = forwarded.requestId;
    if (forwarded?.traceparent !== undefined) headers['traceparent'] = forwarded.traceparent;
    if (forwarded?.tracestate !== undefined) headers['tracestate'] = forwarded.tracestate;
    return headers;
  }

  private buildPath(request: UpstreamRequest): string {
    let path = this.basePath;
    for (const segment of request.path) {
      // An empty id would turn `/organizations/{id}` into the collection URL.
      if (segment.length === 0) throw new TypeError('an upstream path segment must not be empty');
      path += `/${encodeSegment(segment)}`;
    }
    if (request.query) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(request.query)) {
        if (value !== undefined) search.append(key, String(value));
      }
      const query = search.toString();
      if (query) path += `?${query}`;
    }
    return path;
  }
}

/**
 * Percent-encodes one path segment. encodeURIComponent leaves `.` alone, so the dot-segments `.`
 * and `..` (which URL normalisation would resolve to a parent path) are encoded too.
 */
function encodeSegment(segment: string): string {
  if (segment === '.' || segment === '..') return segment.replaceAll('.', '%2E');
  return encodeURIComponent(segment);
}

/** What can cancel an exchange: an operation's cancellation, or a readiness probe's timeout signal. */
type CancelSignal = OperationCancellation | AbortSignal;

interface Exchange {
  method: HttpMethod;
  route: string;
  calls?: UpstreamCallRecord[] | undefined;
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** `METHOD /path` for messages: no host, no query string. */
  operation: string;
}

interface Answer {
  status: number;
  headers: Dispatcher.ResponseData['headers'];
  requestId: string | undefined;
  /**
   * The body as bytes, decoded only where it is parsed. A page of 100 organizations with
   * non-Latin-1 names decodes to a two-byte string over V8's 128 KB large-object size, and a
   * large object alive at a minor GC goes straight to the old generation. Decoded in undici's
   * text() it stayed alive across several promise hops and other requests' work, and about 6 % of
   * them were promoted (64 MB of large-object space under list-100 load); decoded right before
   * JSON.parse, it lives for the parse only.
   */
  bytes: Buffer;
}

/** Node built without ICU has no transcode(). */
const hasTranscoder = typeof transcode === 'function';

/**
 * The body as text: UTF-8 without a byte-order mark, as undici's text() decodes it.
 *
 * V8's UTF-8 decoder leaves its fast path at the first non-ASCII byte and decodes the rest a
 * character at a time: one "Ł" in a page of 20 organizations made decoding 20 µs instead of 2.
 * Valid UTF-8 with non-ASCII text is converted by ICU's transcoder instead, which with the
 * JSON.parse that follows takes 25–45 % less time (pages with a Polish name, with accents, with
 * Japanese and Cyrillic names). Pure ASCII (the common case: found by a SIMD check) is copied as
 * it is. Invalid UTF-8 keeps the standard decoder, for its replacement characters.
 */
function decodeBody(buffer: Buffer): string {
  const body = buffer.length > 2 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  if (isAscii(body)) return body.toString('latin1');
  if (hasTranscoder && isUtf8(body)) return transcode(body, 'utf8', 'utf16le').toString('utf16le');
  return body.toString('utf8');
}

/** A 2xx answer's parsed body, or the typed error for any other status. */
function interpret(answer: Answer, operation: string, wire: WireFormat): UpstreamResponse {
  const { status, requestId } = answer;
  const text = decodeBody(answer.bytes);
  if (status < 200 || status >= 300) throw toHttpError(status, wire.readProblem(text), answer.headers, operation, requestId);
  if (status === 204 || text.length === 0) return { status, body: undefined, requestId };
  try {
    return { status, body: JSON.parse(text) as unknown, requestId };
  } catch (cause) {
    throw new UpstreamBadResponseError(`${operation} answered ${status} with a body that is not JSON`, {
      status,
      requestId,
      operation,
      cause,
    });
  }
}

/**
 * Why an exchange got no answer at all, as the system or undici names it (`ECONNREFUSED`,
 * `ENOTFOUND`, `UND_ERR_CONNECT_TIMEOUT`, `UND_ERR_SOCKET`…); undefined when the upstream
 * answered, or was merely slow once connected.
 */
function unreachableCause(error: unknown): string | undefined {
  if (error instanceof UpstreamTimeoutError && error.phase === 'connect') return 'UND_ERR_CONNECT_TIMEOUT';
  if (!(error instanceof UpstreamUnavailableError)) return undefined;
  const cause = error.cause as { code?: unknown; errors?: { code?: unknown }[] } | undefined;
  // Node's connection attempt to several addresses of one name fails with an AggregateError.
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === 'string' ? code : 'network error';
}

/** A short reason for /readyz: the failure's kind, never a host name or an upstream body. */
function probeReason(error: UpstreamError): string {
  if (error.status !== undefined) return `upstream answered ${error.status}`;
  return error.code === 'TIMEOUT' ? 'upstream did not answer in time' : 'upstream unreachable';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const STATUS_CODES: Record<number, UpstreamErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'VALIDATION',
};

function toHttpError(
  status: number,
  problem: Problem,
  headers: Dispatcher.ResponseData['headers'],
  operation: string,
  requestId: string | undefined,
): UpstreamError {
  const details = {
    status,
    requestId: requestId ?? problem.requestId,
    operation,
    title: problem.title,
    detail: problem.detail,
    upstreamCode: problem.code,
    violations: problem.violations,
  };
  const message = `${operation} answered ${status}${problem.title ? ` (${problem.title})` : ''}`;
  if (status === 429) {
    const retryAfterMs = problem.retryAfterMs ?? parseRetryAfter(headerValue(headers['retry-after']));
    return new UpstreamRateLimitError(message, { ...details, retryAfterMs });
  }
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'UNEXPECTED_STATUS');
  return new UpstreamHttpError(code, message, details);
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function toTransportError(error: unknown, operation: string, signal: CancelSignal | undefined, status?: number): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const details = { operation, cause: error, ...(status === undefined ? {} : { status }) };
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof Error && reason.name === 'TimeoutError') {
      return new UpstreamTimeoutError(`${operation} did not finish before the operation deadline`, { ...details, phase: 'deadline' });
    }
    return new UpstreamAbortedError(`${operation} was cancelled`, details);
  }
  if (error instanceof undiciErrors.ConnectTimeoutError) {
    return new UpstreamTimeoutError(`${operation}: connecting to the upstream timed out`, { ...details, phase: 'connect' });
  }
  if (error instanceof undiciErrors.HeadersTimeoutError) {
    return new UpstreamTimeoutError(`${operation}: no response headers in time`, { ...details, phase: 'headers' });
  }
  if (error instanceof undiciErrors.BodyTimeoutError) {
    return new UpstreamTimeoutError(`${operation}: the response body stalled`, { ...details, phase: 'body' });
  }
  if (error instanceof undiciErrors.ResponseExceededMaxSizeError) {
    return new UpstreamBadResponseError(`${operation}: the response body is larger than allowed`, details);
  }
  const code = (error as { code?: unknown } | null)?.code;
  return new UpstreamUnavailableError(
    `${operation}: the upstream could not be reached (${typeof code === 'string' ? code : 'network error'})`,
    details,
  );
}
