/**
 * Basedash on the wire: JSON both ways, errors as `{ "error": { "title", "detail", "retryAfterMs" } }`
 * (seeds 000–002, UPSTREAM.md), and the organizations collection as the readiness probe's target.
 */
import { parseLeniently, stringOrUndefined, type Problem, type WireFormat } from '../../upstream/wire.js';

export const wire: WireFormat = {
  dialect: 'basedash',
  accept: 'application/json',
  contentType: 'application/json',
  probePath: '/api/public/organizations?limit=1',
  readProblem,
};

function readProblem(text: string): Problem {
  const error = (parseLeniently(text) as { error?: unknown } | null | undefined)?.error;
  if (typeof error !== 'object' || error === null) return {};
  const { title, detail, retryAfterMs } = error as Record<string, unknown>;
  return {
    title: stringOrUndefined(title),
    detail: stringOrUndefined(detail),
    retryAfterMs:
      typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? Math.ceil(retryAfterMs) : undefined,
  };
}
