/**
 * Run-time checks of upstream answers against a dialect's REST contract
 * (schema/upstream/<dialect>.openapi.yaml). The same document generates the dialect's TypeScript
 * types (src/dialects/<dialect>/openapi.ts) and its validators (contract-validators.ts, ajv's
 * standalone code, by scripts/contract-validators.ts), so the types the code relies on and the
 * shapes it accepts cannot drift apart; `npm run schema:check` fails when a generated file is out
 * of date. A check is a plain function call.
 */
import type { ErrorObject } from 'ajv';
import type { UpstreamResponse } from './client.js';
import { UpstreamBadResponseError } from './errors.js';

/** A generated validator: a type guard that leaves why it failed in `errors`. */
export interface Validator<T> {
  (data: unknown): data is T;
  errors?: ErrorObject[] | null;
}

/** A short description of why a body failed its schema, for logs (never includes values). */
export function describeMismatch(validate: Validator<unknown>): string {
  const first = validate.errors?.[0];
  if (!first) return 'unknown mismatch';
  return `${first.instancePath || '(root)'} ${first.message ?? 'is invalid'}`;
}

/** The answer's body when it matches the contract; otherwise UPSTREAM_BAD_RESPONSE, with why for the log. */
export function checked<T>(response: UpstreamResponse, validate: Validator<T>, operation: string): T {
  if (validate(response.body)) return response.body;
  throw new UpstreamBadResponseError(
    `${operation} answered ${response.status} with a body that breaks the contract: ${describeMismatch(validate)}`,
    { status: response.status, requestId: response.requestId, operation },
  );
}
