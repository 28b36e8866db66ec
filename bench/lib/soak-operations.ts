/**
 * The soak's traffic: a weighted mix of what frontends send (list pages, detail reads, `nodes`,
 * creates and updates) plus a few requests that must fail in a documented way (no token, a
 * non-admin update, an out-of-range page size), and the upstream faults injected between them
 * with the error codes each may cause.
 */
import { CREATE_MUTATION, globalId, GRAPHQL_HEADERS, LIST_QUERY, NODES_QUERY } from './scenarios.js';

export interface SoakOperation {
  name: string;
  weight: number;
  /** Builds request `n` (n makes names unique and spreads ids). */
  body(n: number, random: () => number): string;
  headers: Record<string, string>;
  /** `extensions.code`s this operation is meant to produce without any fault; empty: it must succeed. */
  expected: readonly string[];
  /** For a successful answer: a problem with its data, or undefined. */
  checkData?(data: Record<string, unknown>): string | undefined;
}

const SEED_SIZE = 120;
const upstreamId = (index: number) => `org_${String(index + 1).padStart(4, '0')}`;
/** In the demo seed the admin token is a plain member of every 8th organization from the 4th on. */
const isAdminOf = (index: number) => index % 8 !== 3;
const ADMIN_INDEXES = Array.from({ length: SEED_SIZE }, (_, i) => i).filter(isAdminOf);
const MEMBER_INDEXES = Array.from({ length: SEED_SIZE }, (_, i) => i).filter((i) => !isAdminOf(i));
const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

const ORGANIZATION_QUERY = `query Organization($id: ID!) {
  organization(id: $id) { id upstreamId name slug isBillable insightsFrequency defaultChatAccessLevel aiUsageOverageLimitCents }
}`;
const NODE_QUERY = `query Node($id: ID!) { node(id: $id) { id ... on Organization { name } } }`;
const UPDATE_MUTATION = `mutation UpdateOrganization($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { organization { id name } userErrors { message field code } }
}`;

const json = (query: string, operationName: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query, operationName, variables });
const { authorization: _dropped, ...ANONYMOUS_HEADERS } = GRAPHQL_HEADERS;

const edgesOf = (data: Record<string, unknown>) => (data['organizations'] as { edges?: unknown[] } | null)?.edges;
const hasEdges = (data: Record<string, unknown>) => ((edgesOf(data)?.length ?? 0) > 0 ? undefined : 'no edges');
const payloadOk = (field: string) => (data: Record<string, unknown>) => {
  const payload = data[field] as { organization?: unknown; userErrors?: { code?: string }[] } | null;
  if (!payload) return `no ${field} payload`;
  if (payload.userErrors?.length) return `userErrors ${payload.userErrors.map((e) => e.code).join(',')}`;
  return payload.organization ? undefined : 'no organization';
};

export function soakOperations(secondPageCursor: string): SoakOperation[] {
  return [
    {
      name: 'list first 20',
      weight: 26,
      headers: GRAPHQL_HEADERS,
      body: () => json(LIST_QUERY, 'OrganizationsPage', { first: 20 }),
      expected: [],
      checkData: hasEdges,
    },
    {
      name: 'list next 20 (cursor)',
      weight: 8,
      headers: GRAPHQL_HEADERS,
      body: () => json(LIST_QUERY, 'OrganizationsPage', { first: 20, after: secondPageCursor }),
      expected: [],
      checkData: hasEdges,
    },
    {
      name: 'list 100',
      weight: 4,
      headers: GRAPHQL_HEADERS,
      body: () => json(LIST_QUERY, 'OrganizationsPage', { first: 100 }),
      expected: [],
      checkData: hasEdges,
    },
    {
      name: 'organization by id',
      weight: 22,
      headers: GRAPHQL_HEADERS,
      body: (_n, random) => json(ORGANIZATION_QUERY, 'Organization', { id: globalId(upstreamId(Math.floor(random() * SEED_SIZE))) }),
      expected: [],
      checkData: (data) => (data['organization'] ? undefined : 'organization is null'),
    },
    {
      name: 'nodes of 10',
      weight: 10,
      headers: GRAPHQL_HEADERS,
      body: (_n, random) =>
        json(NODES_QUERY, 'OrganizationsById', {
          ids: Array.from({ length: 10 }, () => globalId(upstreamId(Math.floor(random() * SEED_SIZE)))),
        }),
      expected: [],
      checkData: (data) => {
        const nodes = data['nodes'];
        return Array.isArray(nodes) && nodes.length === 10 && nodes.every(Boolean) ? undefined : 'a node is missing';
      },
    },
    {
      name: 'node of unknown id',
      weight: 3,
      headers: GRAPHQL_HEADERS,
      body: () => json(NODE_QUERY, 'Node', { id: globalId('org_does_not_exist') }),
      expected: [],
      checkData: (data) => (data['node'] === null ? undefined : 'an unknown id must read as null'),
    },
    {
      name: 'createOrganization',
      weight: 8,
      headers: GRAPHQL_HEADERS,
      body: (n) => json(CREATE_MUTATION, 'CreateOrganization', { input: { name: `Soak ${n}`, isBillable: n % 2 === 0 } }),
      expected: [],
      checkData: payloadOk('createOrganization'),
    },
    {
      name: 'updateOrganization',
      weight: 8,
      headers: GRAPHQL_HEADERS,
      body: (n, random) =>
        json(UPDATE_MUTATION, 'UpdateOrganization', {
          input: { id: globalId(upstreamId(pick(ADMIN_INDEXES, random))), name: `Renamed ${n}` },
        }),
      expected: [],
      checkData: payloadOk('updateOrganization'),
    },
    {
      name: 'update as non-admin',
      weight: 1,
      headers: GRAPHQL_HEADERS,
      body: (n, random) =>
        json(UPDATE_MUTATION, 'UpdateOrganization', {
          input: { id: globalId(upstreamId(pick(MEMBER_INDEXES, random))), name: `Denied ${n}` },
        }),
      expected: ['FORBIDDEN'],
    },
    {
      name: 'page size out of range',
      weight: 2,
      headers: GRAPHQL_HEADERS,
      body: () => json(LIST_QUERY, 'OrganizationsPage', { first: 500 }),
      // Either the resolver's range check or a cost limit in front of it may refuse it.
      expected: ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
    },
    {
      name: 'no token',
      weight: 2,
      headers: ANONYMOUS_HEADERS,
      body: () => json(LIST_QUERY, 'OrganizationsPage', { first: 20 }),
      expected: ['UNAUTHENTICATED'],
    },
  ];
}

export interface FaultPlan {
  name: string;
  /** The body for `POST /__demo/faults` (one matching upstream request each). */
  fault: Record<string, unknown>;
  /** Codes a client may see because of this fault; a retry may also hide it entirely. */
  codes: readonly string[];
}

const API = { pathPrefix: '/api/public/organizations' };

/**
 * Faults injected in rotation. `timeoutMs` is the gateway's UPSTREAM_HEADERS_TIMEOUT_MS in the soak,
 * so the long delay is a headers timeout and the short one is only slow.
 */
export function faultPlans(headersTimeoutMs: number): FaultPlan[] {
  return [
    { name: '429 with retryAfterMs', fault: { kind: 'status', status: 429, match: API }, codes: ['RATE_LIMITED'] },
    { name: '500', fault: { kind: 'status', status: 500, match: API }, codes: ['UPSTREAM_ERROR'] },
    { name: '503', fault: { kind: 'status', status: 503, match: API }, codes: ['UPSTREAM_ERROR'] },
    { name: 'delay 150 ms', fault: { kind: 'delay', ms: 150, match: API }, codes: [] },
    {
      name: `delay past the headers timeout`,
      fault: { kind: 'delay', ms: headersTimeoutMs + 500, match: API },
      codes: ['UPSTREAM_TIMEOUT'],
    },
    { name: 'truncated JSON', fault: { kind: 'badBody', body: '{"data":[{"id":"org_', match: API }, codes: ['UPSTREAM_BAD_RESPONSE'] },
    {
      name: 'body breaks the contract',
      fault: { kind: 'badBody', body: '{"data":{"id":42}}', match: API },
      codes: ['UPSTREAM_BAD_RESPONSE'],
    },
    { name: 'connection reset', fault: { kind: 'reset', match: API }, codes: ['UPSTREAM_UNAVAILABLE'] },
    { name: 'slow body 100 ms', fault: { kind: 'slowBody', ms: 100, match: API }, codes: [] },
  ];
}
