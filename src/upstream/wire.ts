/**
 * What the HTTP module (./client.ts) needs to know about one upstream API's wire format: the media
 * types it speaks, how its error documents read, and where a readiness probe may knock. Each
 * dialect (src/dialects/<name>/wire.ts) supplies one; the client stays the only code that speaks HTTP.
 */

/** One rule an upstream validation answer says the input broke (e.g. an RFC 7807 `violations[]` item). */
export interface Violation {
  /** Where in the sent body, as the upstream names it (`name`, `owners[0].email`); empty for the whole body. */
  propertyPath: string;
  message: string;
  code?: string | undefined;
}

/** What an error answer's body says, read leniently: any field may be missing. */
export interface Problem {
  /** A short summary (`ValidationError`, `Not Found`…), for operators. */
  title?: string | undefined;
  /** Free text about this occurrence; shown to clients only when it is about their input, sanitized. */
  detail?: string | undefined;
  /** The upstream's own machine-readable code (e.g. EvalGuard's `error.code`). */
  code?: string | undefined;
  /** Time until a rate limit resets, when the body says so. */
  retryAfterMs?: number | undefined;
  violations?: readonly Violation[] | undefined;
  /** The upstream's id of the failed request when the body carries one (logged, never shown). */
  requestId?: string | undefined;
}

export interface WireFormat {
  /** The dialect's name, e.g. `basedash`: a gateway and its client must speak the same one. */
  readonly dialect: string;
  /** Sent as `Accept` on every call. */
  readonly accept: string;
  /** `Content-Type` of a request body unless the call names another (e.g. merge-patch for PATCH). */
  readonly contentType: string;
  /** Path and query (under the base URL) a credential-less readiness probe GETs; any answer below 500 means reachable. */
  readonly probePath: string;
  /** Reads an error answer's body (already decoded; often not JSON at all). */
  readProblem(text: string): Problem;
}

/** JSON.parse that answers undefined instead of throwing: error bodies are often HTML or empty. */
export function parseLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The string, or undefined when it is not one (or is empty). */
export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
