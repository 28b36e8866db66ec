/**
 * The built-in EvalGuard demo upstream: `POST /api/v1/orgs` with the key semantics the vendor
 * documents ("idempotent per Idempotency-Key"), inside the shared demo harness (src/demo/harness.ts:
 * recording, faults, control endpoints). A key is scoped to its caller: the same key and body from
 * the same caller replay the first answer without creating anything; the same key with another body
 * is a 400; another caller's equal key is another key. The harness's `loseAnswer` fault makes the
 * create and then drops the answer, as tests of the gateway's retries need.
 */
import { createHash } from 'node:crypto';
import {
  HttpFailure,
  startDemoServer,
  bearerToken,
  type DemoServerOptions,
  type DemoUpstream,
  type RawBody,
  type RecordedRequest,
  type Reply,
} from '../../../demo/harness.js';
import type { components } from '../openapi.js';

type Schemas = components['schemas'];

export type { DemoUpstream } from '../../../demo/harness.js';

/** The demo's bearer tokens: both may create (EvalGuard documents no roles for this call). */
export const DEMO_TOKENS = {
  admin: 'evalguard-demo-admin',
  member: 'evalguard-demo-member',
} as const;

export interface EvalGuardDemoOptions extends DemoServerOptions {
  /**
   * Whether a create answers with the SDK's `{ success, data }` envelope; false: the documented
   * `{ "success": true }` alone. @default true
   */
  answerWithData?: boolean;
}

const ORGS_PATH = '/api/v1/orgs';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_NAME = 200;

interface StoredOrg {
  id: string;
  name: string;
  slug: string;
  owner: string;
}

/** What a key was first used for, and the answer it got. */
interface KeyRecord {
  bodyHash: string;
  reply: Reply;
}

export async function startDemoUpstream(options: EvalGuardDemoOptions = {}): Promise<DemoUpstream> {
  const answerWithData = options.answerWithData ?? true;
  let orgs: StoredOrg[] = [];
  let keys = new Map<string, KeyRecord>();
  let sequence = 0;
  let requestCount = 0;
  const nextRequestId = () => `req_demo_${(++requestCount).toString(36)}`;

  function failure(status: number, code: string, message: string, headers?: Record<string, string>): HttpFailure {
    return new HttpFailure(status, code, message, headers ? { headers } : {});
  }

  function create(owner: string, body: Schemas['CreateOrgBody']): Reply {
    const slug = body.slug ?? uniqueSlug(body.name);
    if (orgs.some((org) => org.slug === slug)) throw failure(400, 'SLUG_TAKEN', `slug "${slug}" is already taken`);
    const org: StoredOrg = { id: `org_${(++sequence).toString().padStart(6, '0')}`, name: body.name, slug, owner };
    orgs.push(org);
    return {
      status: 200,
      body: answerWithData ? { success: true, data: { id: org.id, name: org.name, slug: org.slug } } : { success: true },
    };
  }

  function uniqueSlug(name: string): string {
    const base =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'org';
    const taken = new Set(orgs.map((org) => org.slug));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  function readBody(raw: RawBody): Schemas['CreateOrgBody'] {
    if (raw.tooLarge) throw failure(400, 'BODY_TOO_LARGE', 'request body is too large');
    let body: unknown;
    try {
      body = JSON.parse(raw.text);
    } catch {
      throw failure(400, 'INVALID_JSON', 'request body must be JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw failure(400, 'INVALID_BODY', 'request body must be an object');
    const { name, slug, ...rest } = body as Record<string, unknown>;
    const unknownKeys = Object.keys(rest);
    if (unknownKeys.length > 0) throw failure(400, 'INVALID_BODY', `unknown field ${unknownKeys[0]}`);
    if (typeof name !== 'string' || name.trim().length === 0) throw failure(400, 'INVALID_NAME', 'name is required');
    if (name.length > MAX_NAME) throw failure(400, 'INVALID_NAME', `name must be at most ${MAX_NAME} characters`);
    if (slug !== undefined && (typeof slug !== 'string' || !SLUG.test(slug))) {
      throw failure(400, 'INVALID_SLUG', 'slug must be lowercase letters, digits and single hyphens');
    }
    return slug === undefined ? { name } : { name, slug };
  }

  const owners = new Map<string, string>([
    [DEMO_TOKENS.admin, 'usr_demo_admin'],
    [DEMO_TOKENS.member, 'usr_demo_member'],
  ]);

  const api = {
    answer(request: RecordedRequest, _search: URLSearchParams, raw: RawBody): Reply {
      const requestId = nextRequestId();
      const withId = (reply: Reply): Reply => ({ ...reply, headers: { ...reply.headers, 'x-request-id': requestId } });
      try {
        if (request.path !== ORGS_PATH) throw failure(404, 'NOT_FOUND', `no route ${request.path}`);
        if (request.method !== 'POST') throw failure(405, 'METHOD_NOT_ALLOWED', 'use POST', { allow: 'POST' });
        const owner = owners.get(bearerToken(headerOf(request, 'authorization')) ?? '');
        if (!owner) throw failure(401, 'UNAUTHORIZED', 'missing or invalid API key');
        const body = readBody(raw);
        const key = headerOf(request, 'idempotency-key');
        if (key === undefined) return withId(create(owner, body));
        const scoped = `${owner}\u0000${key}`;
        const bodyHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
        const seen = keys.get(scoped);
        if (seen) {
          if (seen.bodyHash !== bodyHash) {
            throw failure(400, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key was already used with a different request body');
          }
          return withId({ ...seen.reply, headers: { ...seen.reply.headers, 'idempotent-replayed': 'true' } });
        }
        const reply = create(owner, body);
        keys.set(scoped, { bodyHash, reply });
        return withId(reply);
      } catch (error) {
        return withId(errorReply(error, requestId));
      }
    },
    reset() {
      orgs = [];
      keys = new Map();
      sequence = 0;
    },
    errorReply: (error: unknown) => errorReply(error, nextRequestId()),
    faultReply(status: number): Reply {
      const requestId = nextRequestId();
      const code = status === 429 ? 'RATE_LIMITED' : status >= 500 ? 'INTERNAL_ERROR' : 'ERROR';
      return {
        status,
        body: { success: false, error: { code, message: `demo fault ${status}`, requestId } },
        headers: { 'x-request-id': requestId, ...(status === 429 ? { 'retry-after': '1' } : {}) },
      };
    },
  };

  return startDemoServer({ ...options, api });
}

function errorReply(error: unknown, requestId: string): Reply {
  if (!(error instanceof HttpFailure)) throw error;
  return {
    status: error.status,
    body: { success: false, error: { code: error.title, message: error.message, requestId } },
    headers: error.headers,
  };
}

function headerOf(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
