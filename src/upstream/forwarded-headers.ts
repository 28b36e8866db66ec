/**
 * The allow-list of what a client's request contributes to upstream headers, besides the
 * Authorization header (which the context checks and hands over separately). Only a request id and
 * W3C trace context travel, and only when well-formed; Cookie, Host, X-Forwarded-*, hop-by-hop and
 * every other client header never do, because the client (./client.ts) builds upstream headers
 * from these typed fields alone and never copies a header by name.
 */
import { requestIdOf } from '../observability/request-id.js';

export interface ForwardedHeaders {
  /** Sent as `x-request-id`: the client's when well-formed, else the one the gateway made up. */
  readonly requestId?: string;
  /** Sent as `traceparent` (W3C Trace Context). */
  readonly traceparent?: string;
  /** Sent as `tracestate`; only together with a valid `traceparent`, as the spec requires. */
  readonly tracestate?: string;
}

/**
 * W3C Trace Context §3.2: `version-traceid-parentid-flags`, lower-case hex. Version `ff` is
 * invalid; version 00 has exactly four fields, later versions may append more after a `-`.
 */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-[\x21-\x7e]*)?$/;
/** §3.3: list members `key=value`; keys lower-case (optionally `tenant@system`), values printable without `,` or `=`. */
const TRACESTATE_MEMBER = /^[a-z0-9][a-z0-9_\-*/@]{0,255}=[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
/** §3.3.1.5 lets a vendor cap what it propagates; 512 characters is the floor the spec asks for. */
const TRACESTATE_MAX_LENGTH = 512;
const TRACESTATE_MAX_MEMBERS = 32;

export function validTraceparent(value: string | null): value is string {
  if (value === null || value.length > 256) return false;
  const match = TRACEPARENT.exec(value);
  if (!match) return false;
  const [, version, traceId, parentId, rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return false;
  return !/^0+$/.test(traceId!) && !/^0+$/.test(parentId!);
}

export function validTracestate(value: string | null): value is string {
  if (value === null || value.length === 0 || value.length > TRACESTATE_MAX_LENGTH) return false;
  const members = value.split(',').map((member) => member.trim());
  if (members.length > TRACESTATE_MAX_MEMBERS) return false;
  // Empty members are allowed by the grammar (`a=1,,b=2`), anything else must be well-formed.
  return members.every((member) => member === '' || TRACESTATE_MEMBER.test(member)) && members.some((member) => member !== '');
}

/** What of this client request may travel upstream. */
export function forwardedHeaders(request: Request): ForwardedHeaders {
  const traceparent = request.headers.get('traceparent');
  if (!validTraceparent(traceparent)) return { requestId: requestIdOf(request) };
  const tracestate = request.headers.get('tracestate');
  return {
    requestId: requestIdOf(request),
    traceparent,
    ...(validTracestate(tracestate) ? { tracestate } : {}),
  };
}
