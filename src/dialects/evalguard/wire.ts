/**
 * EvalGuard on the wire (seed 004, UPSTREAM.md): JSON both ways, errors as
 * `{ "success": false, "error": { "code", "message", "requestId" } }`. It documents no read, so the
 * readiness probe GETs the create path: any answer below 500 (a 404 or 405 included) says the API is
 * reachable, and a GET creates nothing.
 */
import { parseLeniently, stringOrUndefined, type Problem, type WireFormat } from '../../upstream/wire.js';

export const wire: WireFormat = {
  dialect: 'evalguard',
  accept: 'application/json',
  contentType: 'application/json',
  probePath: '/api/v1/orgs',
  readProblem,
};

function readProblem(text: string): Problem {
  const error = (parseLeniently(text) as { error?: unknown } | null | undefined)?.error;
  if (typeof error !== 'object' || error === null) return {};
  const { code, message, requestId } = error as Record<string, unknown>;
  // `code` doubles as the title operators read in logs; `message` is the detail, shown to the
  // client only when it is about the input (a 400).
  return {
    title: stringOrUndefined(code),
    code: stringOrUndefined(code),
    detail: stringOrUndefined(message),
    requestId: stringOrUndefined(requestId),
  };
}
