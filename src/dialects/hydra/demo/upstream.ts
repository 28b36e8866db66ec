/**
 * The built-in Hydra demo upstream: an API Platform-style organizations API (seed 003) inside the
 * shared demo harness (src/demo/harness.ts). JSON-LD answers with the current collection spelling
 * (`member`, `totalItems`, `view`), RFC 7807 problems with `violations[]` for a 422, page-numbered
 * collections (`page`, `itemsPerPage`), merge-patch updates by owners, deletes answered 204.
 */
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

export type { DemoUpstream } from '../../../demo/harness.js';

export const DEMO_TOKENS = {
  admin: 'hydra-admin-token',
  member: 'hydra-member-token',
  outsider: 'hydra-outsider-token',
} as const;

export interface HydraDemoOptions extends DemoServerOptions {
  /** Seeded organizations. @default 60 */
  organizations?: number;
}

interface StoredMember {
  id: string;
  email: string;
  name: string | null;
  role: 'owner' | 'member';
  joinedAt: string;
}

interface StoredOrganization {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  owners: StoredMember[];
  members: StoredMember[];
}

const COLLECTION = '/api/organizations';
const MAX_ITEMS_PER_PAGE = 100;
const PEOPLE: Readonly<Record<string, { id: string; email: string; name: string | null }>> = {
  [DEMO_TOKENS.admin]: { id: 'usr-admin', email: 'ada@example.com', name: 'Ada Admin' },
  [DEMO_TOKENS.member]: { id: 'usr-member', email: 'max@example.com', name: null },
  [DEMO_TOKENS.outsider]: { id: 'usr-outsider', email: 'olga@example.com', name: 'Olga Outsider' },
};
const BLANK = 'c1051bb4-d103-4f74-8988-acbcafc7fdc3';
const TOO_LONG = 'd94b19cc-114f-4f44-9cc4-4138e80a87b9';

const instant = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString().replace('.000Z', '+00:00');

function seed(count: number): StoredOrganization[] {
  const admin = PEOPLE[DEMO_TOKENS.admin]!;
  const member = PEOPLE[DEMO_TOKENS.member]!;
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const createdAt = instant(n);
    return {
      id: String(n),
      name: `Hydra Organization ${n}`,
      createdAt,
      updatedAt: createdAt,
      owners: [{ ...admin, role: 'owner' as const, joinedAt: createdAt }],
      // The member token belongs to every third organization.
      members: n % 3 === 0 ? [{ ...member, role: 'member' as const, joinedAt: createdAt }] : [],
    };
  });
}

export async function startDemoUpstream(options: HydraDemoOptions = {}): Promise<DemoUpstream> {
  const count = options.organizations ?? 60;
  let organizations = seed(count);
  let sequence = count;
  let clock = count;

  const problem = (status: number, title: string, detail: string, extra: Record<string, unknown> = {}) =>
    new HttpFailure(status, title, detail, { extra });

  function caller(request: RecordedRequest) {
    const token = bearerToken(headerOf(request, 'authorization'));
    const person = token === undefined ? undefined : PEOPLE[token];
    if (!person) throw problem(401, 'Unauthorized', 'Invalid or missing bearer token.');
    return person;
  }

  const isOwner = (org: StoredOrganization, userId: string) => org.owners.some((owner) => owner.id === userId);
  const isMember = (org: StoredOrganization, userId: string) => isOwner(org, userId) || org.members.some((member) => member.id === userId);

  function find(segment: string, userId: string): StoredOrganization {
    const org = organizations.find((candidate) => candidate.id === segment);
    if (!org || !isMember(org, userId)) throw problem(404, 'Not Found', 'Not Found');
    return org;
  }

  function validName(body: unknown, required: boolean): string | undefined {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw problem(400, 'Bad Request', 'The request body must be a JSON object.');
    const name = (body as Record<string, unknown>)['name'];
    if (name === undefined && !required) return undefined;
    if (name !== undefined && typeof name !== 'string')
      throw problem(400, 'Bad Request', 'The type of the "name" attribute must be "string".');
    const violations = [];
    if (typeof name !== 'string' || name.trim() === '')
      violations.push({ propertyPath: 'name', message: 'This value should not be blank.', code: BLANK });
    else if (name.length > 255)
      violations.push({ propertyPath: 'name', message: 'This value is too long. It should have 255 characters or less.', code: TOO_LONG });
    if (violations.length > 0) {
      throw problem(422, 'An error occurred', violations.map((v) => `${v.propertyPath}: ${v.message}`).join('\n'), { violations });
    }
    return name as string;
  }

  function parseBody(raw: RawBody): unknown {
    if (raw.tooLarge) throw problem(413, 'Payload Too Large', 'The request body is too large.');
    try {
      return JSON.parse(raw.text);
    } catch {
      throw problem(400, 'Bad Request', 'Syntax error');
    }
  }

  function requireType(request: RecordedRequest, allowed: readonly string[]): void {
    const type = (headerOf(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!allowed.includes(type))
      throw problem(
        415,
        'Unsupported Media Type',
        `The content-type "${type}" is not supported. Supported MIME types are "${allowed.join('", "')}".`,
      );
  }

  const api = {
    answer(request: RecordedRequest, search: URLSearchParams, raw: RawBody): Reply {
      const person = caller(request);
      if (request.path === COLLECTION) {
        if (request.method === 'GET') return list(person.id, search);
        if (request.method === 'POST') {
          requireType(request, ['application/ld+json', 'application/json']);
          const name = validName(parseBody(raw), true) as string;
          const at = instant(++clock);
          const org: StoredOrganization = {
            id: String(++sequence),
            name,
            createdAt: at,
            updatedAt: at,
            owners: [{ ...person, role: 'owner', joinedAt: at }],
            members: [],
          };
          organizations.push(org);
          return { status: 201, body: render(org, true), headers: { location: iri(org) } };
        }
        throw problem(
          405,
          'Method Not Allowed',
          `No route found for "${request.method} ${COLLECTION}": Method Not Allowed (Allow: GET, POST)`,
        );
      }
      if (request.path.startsWith(`${COLLECTION}/`)) {
        const segment = decodeURIComponent(request.path.slice(COLLECTION.length + 1));
        if (segment.includes('/')) throw problem(404, 'Not Found', 'Not Found');
        const org = find(segment, person.id);
        switch (request.method) {
          case 'GET':
            return { status: 200, body: render(org, true) };
          case 'PATCH': {
            if (!isOwner(org, person.id)) throw problem(403, 'Forbidden', 'Access Denied.');
            requireType(request, ['application/merge-patch+json']);
            const name = validName(parseBody(raw), false);
            if (name !== undefined) org.name = name;
            org.updatedAt = instant(++clock);
            return { status: 200, body: render(org, true) };
          }
          case 'DELETE':
            if (!isOwner(org, person.id)) throw problem(403, 'Forbidden', 'Access Denied.');
            organizations = organizations.filter((candidate) => candidate !== org);
            return { status: 204 };
          default:
            throw problem(405, 'Method Not Allowed', 'Method Not Allowed (Allow: GET, PATCH, DELETE)');
        }
      }
      throw problem(404, 'Not Found', `No route found for "${request.method} ${request.path}"`);
    },
    reset() {
      organizations = seed(count);
      sequence = count;
      clock = count;
    },
    errorReply,
    faultReply(status: number): Reply {
      const title = status === 429 ? 'Too Many Requests' : status >= 500 ? 'Internal Server Error' : 'Error';
      return {
        status,
        body: problemBody(status, title, title),
        headers: { 'content-type': 'application/problem+json', ...(status === 429 ? { 'retry-after': '1' } : {}) },
      };
    },
  };

  function list(userId: string, search: URLSearchParams): Reply {
    const page = positive(search.get('page'), 1, 'page');
    const itemsPerPage = Math.min(positive(search.get('itemsPerPage'), 30, 'itemsPerPage'), MAX_ITEMS_PER_PAGE);
    const visible = organizations.filter((org) => isMember(org, userId));
    const items = visible.slice((page - 1) * itemsPerPage, page * itemsPerPage);
    const last = Math.max(1, Math.ceil(visible.length / itemsPerPage));
    const link = (n: number) => `${COLLECTION}?itemsPerPage=${itemsPerPage}&page=${n}`;
    return {
      status: 200,
      body: {
        '@context': '/api/contexts/Organization',
        '@id': COLLECTION,
        '@type': 'Collection',
        totalItems: visible.length,
        member: items.map((org) => render(org, false)),
        view: {
          '@id': link(page),
          '@type': 'PartialCollectionView',
          first: link(1),
          last: link(last),
          ...(page > 1 ? { previous: link(page - 1) } : {}),
          ...(page < last ? { next: link(page + 1) } : {}),
        },
      },
    };
  }

  function positive(value: string | null, fallback: number, name: string): number {
    if (value === null) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw problem(400, 'Bad Request', `"${name}" must be a positive whole number.`);
    return n;
  }

  return startDemoServer({ ...options, api });
}

const iri = (org: StoredOrganization) => `${COLLECTION}/${encodeURIComponent(org.id)}`;

function render(org: StoredOrganization, withContext: boolean): Record<string, unknown> {
  const member = (person: StoredMember) => ({
    '@id': `/api/members/${person.id}-${org.id}`,
    '@type': 'Member',
    id: person.id,
    email: person.email,
    name: person.name,
    role: person.role,
    joined_at: person.joinedAt,
  });
  return {
    ...(withContext ? { '@context': '/api/contexts/Organization' } : {}),
    '@id': iri(org),
    '@type': 'Organization',
    id: org.id,
    name: org.name,
    created_at: org.createdAt,
    updated_at: org.updatedAt,
    owners: org.owners.map(member),
    members: org.members.map(member),
  };
}

function problemBody(status: number, title: string, detail: string, extra: Readonly<Record<string, unknown>> = {}) {
  return {
    '@context': '/api/contexts/Error',
    '@id': `/api/errors/${status}`,
    '@type': 'Error',
    type: `/errors/${status}`,
    title,
    detail,
    status,
    ...extra,
  };
}

function errorReply(error: unknown): Reply {
  if (!(error instanceof HttpFailure)) throw error;
  const type = error.status === 422 ? 'ConstraintViolation' : undefined;
  const body = problemBody(error.status, error.title, error.message, error.extra);
  return {
    status: error.status,
    body: type ? { ...body, '@type': type } : body,
    headers: { 'content-type': 'application/problem+json', ...error.headers },
  };
}

function headerOf(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
