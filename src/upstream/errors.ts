/**
 * Typed upstream failures. The REST client turns every failure into one of these exactly once;
 * the GraphQL layer maps them to `extensions.code` (src/graphql/errors.ts) or to user errors in
 * mutation payloads. Messages here are written for operators: they never contain the bearer token
 * or an upstream body, so they are safe to log. What a client sees is decided by the GraphQL layer.
 */

import type { Violation } from './wire.js';

export type UpstreamErrorCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'UNEXPECTED_STATUS'
  | 'TIMEOUT'
  | 'UNAVAILABLE'
  | 'ABORTED'
  | 'BAD_RESPONSE'
  | 'THROTTLED';

export interface UpstreamErrorDetails {
  /** HTTP status the upstream answered with, when it answered at all. */
  status?: number;
  /** The upstream's request id (`x-request-id`), for correlating with its logs. */
  requestId?: string | undefined;
  /** `METHOD /path` of the call, without query string or host. */
  operation?: string;
  cause?: unknown;
}

/** Base class: every failure of an upstream call. */
export class UpstreamError extends Error {
  override readonly name: string = 'UpstreamError';
  readonly code: UpstreamErrorCode;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly operation: string | undefined;

  constructor(code: UpstreamErrorCode, message: string, details: UpstreamErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.requestId = details.requestId;
    this.operation = details.operation;
  }
}

export interface HttpErrorDetails extends UpstreamErrorDetails {
  title?: string | undefined;
  detail?: string | undefined;
  upstreamCode?: string | undefined;
  violations?: readonly Violation[] | undefined;
}

/** Raised when the upstream answers with an error status (4xx/5xx) and a readable body. */
export class UpstreamHttpError extends UpstreamError {
  override readonly name: string = 'UpstreamHttpError';
  /** `error.title` of the upstream body (e.g. `ValidationError`), when it sent one. */
  readonly title: string | undefined;
  /**
   * `error.detail` of the upstream body. Human-readable and about the caller's input for 4xx;
   * it is shown to clients only for validation failures, and then only after sanitizing.
   */
  readonly detail: string | undefined;
  /** The upstream's own error code, when its error documents carry one (EvalGuard's `error.code`). */
  readonly upstreamCode: string | undefined;
  /** The rules the input broke, when the upstream lists them (an RFC 7807 `violations[]`). */
  readonly violations: readonly Violation[] | undefined;

  constructor(code: UpstreamErrorCode, message: string, details: HttpErrorDetails) {
    super(code, message, details);
    this.title = details.title;
    this.detail = details.detail;
    this.upstreamCode = details.upstreamCode;
    this.violations = details.violations;
  }
}

/** Raised when the upstream answers 429; `retryAfterMs` comes from the body or `Retry-After`. */
export class UpstreamRateLimitError extends UpstreamHttpError {
  override readonly name: string = 'UpstreamRateLimitError';
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: HttpErrorDetails & { retryAfterMs?: number | undefined }) {
    super('RATE_LIMITED', message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Which limit ran out: one of the client's own timeouts, or the whole operation's deadline. */
export type TimeoutPhase = 'connect' | 'headers' | 'body' | 'deadline';

/** Raised when no answer arrived in time (connect, headers, body, or the operation deadline). */
export class UpstreamTimeoutError extends UpstreamError {
  override readonly name: string = 'UpstreamTimeoutError';
  /**
   * `deadline` means the caller's time budget ran out, which says little about the upstream's
   * health, so the circuit breaker does not count it; the other phases are the upstream's fault.
   */
  readonly phase: TimeoutPhase;
  constructor(message: string, details: UpstreamErrorDetails & { phase: TimeoutPhase }) {
    super('TIMEOUT', message, details);
    this.phase = details.phase;
  }
}

/** Raised when the upstream could not be reached or dropped the connection. */
export class UpstreamUnavailableError extends UpstreamError {
  override readonly name: string = 'UpstreamUnavailableError';
  constructor(message: string, details: UpstreamErrorDetails = {}) {
    super('UNAVAILABLE', message, details);
  }
}

/**
 * Raised without calling the upstream while the circuit breaker is open: recent calls failed, so
 * the gateway stops sending more for a while instead of queueing them. `upstream`: calls of many
 * callers failed, and no caller's calls are sent; `caller`: this caller's own calls failed in a
 * row, and only its calls are held back.
 */
export class UpstreamCircuitOpenError extends UpstreamUnavailableError {
  override readonly name: string = 'UpstreamCircuitOpenError';
  /** Time until the breaker lets a trial call through again. */
  readonly retryAfterMs: number;
  readonly scope: 'upstream' | 'caller';
  constructor(message: string, details: UpstreamErrorDetails & { retryAfterMs: number; scope: 'upstream' | 'caller' }) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
    this.scope = details.scope;
  }
}

/**
 * Raised without calling the upstream when the caller already has as many calls in flight as one
 * caller may (UPSTREAM_CALLER_CONCURRENCY) and none of them ended within the short wait allowed.
 */
export class UpstreamThrottledError extends UpstreamError {
  override readonly name: string = 'UpstreamThrottledError';
  /** A fair time to wait before trying again: the wait that just ran out. */
  readonly retryAfterMs: number;
  /** The per-caller limit that was reached. */
  readonly limit: number;
  constructor(message: string, details: UpstreamErrorDetails & { retryAfterMs: number; limit: number }) {
    super('THROTTLED', message, details);
    this.retryAfterMs = details.retryAfterMs;
    this.limit = details.limit;
  }
}

/** Raised when the call was cancelled because the GraphQL client went away. */
export class UpstreamAbortedError extends UpstreamError {
  override readonly name: string = 'UpstreamAbortedError';
  constructor(message: string, details: UpstreamErrorDetails = {}) {
    super('ABORTED', message, details);
  }
}

/** Raised when a 2xx body is not JSON, is too large, or does not match the REST contract. */
export class UpstreamBadResponseError extends UpstreamError {
  override readonly name: string = 'UpstreamBadResponseError';
  constructor(message: string, details: UpstreamErrorDetails = {}) {
    super('BAD_RESPONSE', message, details);
  }
}
