/**
 * A caller's identity for the per-caller limits: an HMAC of its Authorization header under a key
 * made at process start. The credential itself is never kept, and the key makes the value useless
 * for guessing short tokens offline, should it ever be logged or shown in a dump.
 */
import { createHmac, randomBytes } from 'node:crypto';

const PROCESS_KEY = randomBytes(32);

/** 22 base64url characters (132 bits): distinct callers never share one in practice. */
export function callerKey(authorization: string): string {
  return createHmac('sha256', PROCESS_KEY).update(authorization).digest('base64url').slice(0, 22);
}
