/**
 * A caller's identity for the per-caller limits: a SHA-256 of its Authorization header prefixed
 * with a random key made at process start. The credential itself is never kept, and the key makes
 * the value useless for guessing short tokens offline, should it ever be logged or shown in a dump.
 * (A fixed-length secret prefix is enough here; an HMAC cost six times as much per operation.)
 */
import { hash, randomBytes } from 'node:crypto';

const PROCESS_KEY = randomBytes(32).toString('base64');

/** 22 base64url characters (132 bits): distinct callers never share one in practice. */
export function callerKey(authorization: string): string {
  return hash('sha256', PROCESS_KEY + authorization, 'base64url').slice(0, 22);
}
