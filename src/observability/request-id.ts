/**
 * One id per request: the client's `X-Request-Id` when it is well-formed, a fresh UUID otherwise.
 * It is logged with every line about the request, sent upstream, and returned in the response.
 */
import { randomUUID } from 'node:crypto';

/** Printable and bounded, so a client cannot inject log lines or oversized headers through it. */
const VALID = /^[A-Za-z0-9._:-]{1,128}$/;

const ids = new WeakMap<Request, string>();

export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (id === undefined) {
    const given = request.headers.get('x-request-id');
    id = given !== null && VALID.test(given) ? given : randomUUID();
    ids.set(request, id);
  }
  return id;
}
