/**
 * What the benchmark sends: each scenario as a GraphQL operation for the gateway and as the REST
 * call(s) that do the same work directly, with checks that tell a correct answer from a fast
 * failure. Selections are what a frontend list or detail view asks for.
 */
import { getIntrospectionQuery } from 'graphql';
import { DEMO_TOKENS } from '../../src/dialects/basedash/demo/seed.js';
import { DEMO_TOKENS as HYDRA_TOKENS } from '../../src/dialects/hydra/demo/upstream.js';
import type { DialectName } from '../../src/dialects/names.js';

export const TOKEN = DEMO_TOKENS.admin;
export const REST_PATH = '/api/public/organizations';

export type ScenarioName = 'list-20' | 'list-100' | 'nodes-10' | 'create' | 'introspection' | 'hydra-list-20' | 'settings-page';
export const SCENARIOS: readonly ScenarioName[] = [
  'list-20',
  'list-100',
  'nodes-10',
  'create',
  'introspection',
  'hydra-list-20',
  'settings-page',
];

/** The dialect whose demo, gateway and bare proxy a scenario runs against. */
export const SCENARIO_DIALECT: Readonly<Record<ScenarioName, DialectName>> = {
  'list-20': 'basedash',
  'list-100': 'basedash',
  'nodes-10': 'basedash',
  create: 'basedash',
  introspection: 'basedash',
  'hydra-list-20': 'hydra',
  'settings-page': 'basedash',
};

/** direct: autocannon on the demo upstream; proxy: bench/bare-proxy.ts; yoga: bench/bare-yoga.ts. */
export type TargetName = 'direct' | 'proxy' | 'gateway' | 'yoga';

export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/graphql` or `/api/public/organizations?limit=20`. */
  path: string;
  headers: Record<string, string>;
  /** May contain autocannon's `[<id>]` placeholder (a unique id per request). */
  body?: string;
}

export interface ScenarioPlan {
  /** Cycled in order by each autocannon connection. */
  requests: HttpRequestSpec[];
  /** HTTP requests that make one operation (10 for the REST equivalent of `nodes` of 10 ids). */
  requestsPerOperation: number;
  /** The minimum number of upstream calls one operation needs. */
  upstreamCallsPerOperation: number;
  /** Cheap check run by autocannon on every response body (a mismatch fails the run). */
  quickCheck: (body: string) => boolean;
  /** Thorough check of a parsed sample answer; returns a problem or undefined. */
  fullCheck: (status: number, body: unknown) => string | undefined;
  /**
   * One operation as a client makes it, wave after wave, the requests of a wave concurrently (a
   * later wave needs ids from an earlier one); its end-to-end latency is measured one operation at
   * a time (./sequence.ts). Only scenarios whose REST equivalent is several dependent calls have it.
   */
  sequence?: HttpRequestSpec[][];
}

/** The 10 ids `nodes` asks for: spread over the seed, all visible to the admin token. */
export const NODE_UPSTREAM_IDS = [5, 17, 29, 41, 53, 65, 77, 89, 101, 113].map((n) => `org_${String(n).padStart(4, '0')}`);

export const globalId = (upstreamId: string) => Buffer.from(`Organization:${upstreamId}`, 'utf8').toString('base64');

export const LIST_QUERY = `query OrganizationsPage($first: Int!, $after: String) {
  organizations(first: $first, after: $after) {
    edges {
      node {
        id
        name
        slug
        onboardingStatus
        isBillable
        insightsEnabled
        insightsFrequency
        trialEndsAt
        embedAllowedOrigins
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}`;

export const NODES_QUERY = `query OrganizationsById($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    ... on Organization {
      name
      slug
      onboardingStatus
      isBillable
      insightsFrequency
      trialEndsAt
      embedAllowedOrigins
    }
  }
}`;

export const CREATE_MUTATION = `mutation CreateOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    organization {
      id
      name
      slug
      onboardingStatus
      isBillable
      trialEndsAt
    }
    userErrors {
      message
      field
      code
    }
  }
}`;

export const INTROSPECTION_QUERY = getIntrospectionQuery();

export const GRAPHQL_HEADERS = {
  'content-type': 'application/json',
  // What Apollo Client, urql and GraphiQL send today.
  accept: 'application/graphql-response+json, application/json;q=0.9',
  authorization: `Bearer ${TOKEN}`,
};
const REST_HEADERS = { accept: 'application/json', authorization: `Bearer ${TOKEN}` };

const graphqlRequest = (query: string, operationName: string | undefined, variables: Record<string, unknown>): HttpRequestSpec => ({
  method: 'POST',
  path: '/graphql',
  headers: GRAPHQL_HEADERS,
  body: JSON.stringify({ query, ...(operationName ? { operationName } : {}), variables }),
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A GraphQL answer with data and no errors; returns its data or a problem. */
function graphqlData(status: number, body: unknown): Record<string, unknown> | string {
  if (status !== 200) return `HTTP ${status}`;
  if (!isRecord(body)) return 'body is not a JSON object';
  if (body['errors'] !== undefined) return `errors: ${JSON.stringify(body['errors']).slice(0, 300)}`;
  if (!isRecord(body['data'])) return 'no data';
  return body['data'];
}

function restData(status: number, body: unknown, expected: number): unknown {
  if (status < 200 || status > 299) return `HTTP ${status}`;
  if (!isRecord(body)) return 'body is not a JSON object';
  return body['data'] ?? `no data (expected ${expected})`;
}

const quickGraphQL = (marker: string) => (body: string) =>
  body.startsWith('{"data":') && !body.includes('"errors"') && body.includes(marker);
const quickRest = (body: string) => body.startsWith('{"data":');

function listPlan(target: TargetName, size: number): ScenarioPlan {
  if (target === 'gateway') {
    return {
      requests: [graphqlRequest(LIST_QUERY, 'OrganizationsPage', { first: size })],
      requestsPerOperation: 1,
      upstreamCallsPerOperation: 1,
      quickCheck: quickGraphQL('"edges":[{'),
      fullCheck: (status, body) => {
        const data = graphqlData(status, body);
        if (typeof data === 'string') return data;
        const connection = data['organizations'] as { edges?: unknown[] } | null;
        const count = connection?.edges?.length;
        return count === size ? undefined : `expected ${size} edges, got ${count}`;
      },
    };
  }
  return {
    requests: [{ method: 'GET', path: `${REST_PATH}?limit=${size}`, headers: REST_HEADERS }],
    requestsPerOperation: 1,
    upstreamCallsPerOperation: 1,
    quickCheck: quickRest,
    fullCheck: (status, body) => {
      const data = restData(status, body, size);
      if (typeof data === 'string') return data;
      return Array.isArray(data) && data.length === size ? undefined : `expected ${size} items`;
    },
  };
}

function nodesPlan(target: TargetName): ScenarioPlan {
  const count = NODE_UPSTREAM_IDS.length;
  if (target === 'gateway') {
    return {
      requests: [graphqlRequest(NODES_QUERY, 'OrganizationsById', { ids: NODE_UPSTREAM_IDS.map(globalId) })],
      requestsPerOperation: 1,
      upstreamCallsPerOperation: count,
      quickCheck: quickGraphQL('"nodes":[{'),
      fullCheck: (status, body) => {
        const data = graphqlData(status, body);
        if (typeof data === 'string') return data;
        const nodes = data['nodes'];
        if (!Array.isArray(nodes) || nodes.length !== count) return `expected ${count} nodes`;
        return nodes.every((node) => isRecord(node) && typeof node['name'] === 'string') ? undefined : 'a node is null or has no name';
      },
    };
  }
  // The upstream has no batch read, so the REST equivalent of one `nodes` operation is these 10
  // GETs; each connection cycles through them, and 10 answers count as one operation.
  return {
    requests: NODE_UPSTREAM_IDS.map((id) => ({ method: 'GET' as const, path: `${REST_PATH}/${id}`, headers: REST_HEADERS })),
    requestsPerOperation: count,
    upstreamCallsPerOperation: count,
    quickCheck: quickRest,
    fullCheck: (status, body) => {
      const data = restData(status, body, 1);
      if (typeof data === 'string') return data;
      return isRecord(data) && typeof data['name'] === 'string' ? undefined : 'no organization';
    },
  };
}

function createPlan(target: TargetName): ScenarioPlan {
  // A unique name per request keeps the demo's slug generation O(1) (a fixed name would make it
  // search ever longer for a free `name-N` slug); autocannon fills in `[<id>]`.
  if (target === 'gateway') {
    return {
      requests: [graphqlRequest(CREATE_MUTATION, 'CreateOrganization', { input: { name: 'Bench [<id>]', isBillable: true } })],
      requestsPerOperation: 1,
      upstreamCallsPerOperation: 1,
      quickCheck: (body) => quickGraphQL('"organization":{')(body) && body.includes('"userErrors":[]'),
      fullCheck: (status, body) => {
        const data = graphqlData(status, body);
        if (typeof data === 'string') return data;
        const payload = data['createOrganization'] as { organization?: { name?: unknown }; userErrors?: unknown[] } | null;
        if (payload?.userErrors?.length) return `userErrors: ${JSON.stringify(payload.userErrors)}`;
        return typeof payload?.organization?.name === 'string' ? undefined : 'no organization in the payload';
      },
    };
  }
  return {
    requests: [
      {
        method: 'POST',
        path: REST_PATH,
        headers: { ...REST_HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Bench [<id>]', isBillable: true }),
      },
    ],
    requestsPerOperation: 1,
    upstreamCallsPerOperation: 1,
    quickCheck: quickRest,
    fullCheck: (status, body) => {
      const data = restData(status, body, 1);
      if (typeof data === 'string') return data;
      return isRecord(data) && typeof data['id'] === 'string' ? undefined : 'no organization';
    },
  };
}

function introspectionPlan(): ScenarioPlan {
  // GraphiQL sends the same query with no operation name and no variables.
  return {
    requests: [{ ...graphqlRequest(INTROSPECTION_QUERY, 'IntrospectionQuery', {}) }],
    requestsPerOperation: 1,
    upstreamCallsPerOperation: 0,
    quickCheck: quickGraphQL('"__schema":{'),
    fullCheck: (status, body) => {
      const data = graphqlData(status, body);
      if (typeof data === 'string') return data;
      const types = (data['__schema'] as { types?: unknown[] } | undefined)?.types;
      return Array.isArray(types) && types.length > 10 ? undefined : 'no types in __schema';
    },
  };
}

/** Which targets run a scenario, in the order of the first round. */
export const TARGETS: Readonly<Record<ScenarioName, readonly TargetName[]>> = {
  'list-20': ['direct', 'proxy', 'gateway'],
  'list-100': ['direct', 'proxy', 'gateway'],
  'nodes-10': ['direct', 'proxy', 'gateway'],
  create: ['direct', 'proxy', 'gateway'],
  introspection: ['yoga', 'gateway'],
  'hydra-list-20': ['direct', 'proxy', 'gateway'],
  'settings-page': ['direct', 'proxy', 'gateway'],
};

export function plan(scenario: ScenarioName, target: TargetName): ScenarioPlan {
  switch (scenario) {
    case 'list-20':
      return listPlan(target, 20);
    case 'list-100':
      return listPlan(target, 100);
    case 'nodes-10':
      return nodesPlan(target);
    case 'create':
      return createPlan(target);
    case 'introspection':
      return introspectionPlan();
    case 'hydra-list-20':
      return hydraListPlan(target, 20);
    case 'settings-page':
      return settingsPagePlan(target);
  }
}

/** What a frontend list view asks a Hydra gateway for: the same page the REST call returns. */
export const HYDRA_LIST_QUERY = `query HydraOrganizationsPage($first: Int!, $after: String) {
  organizations(first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        iri
        name
        createdAt
        updatedAt
        owners {
          email
          role
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}`;

function hydraListPlan(target: TargetName, size: number): ScenarioPlan {
  const authorization = `Bearer ${HYDRA_TOKENS.admin}`;
  if (target === 'gateway') {
    return {
      requests: [
        {
          method: 'POST',
          path: '/graphql',
          headers: { ...GRAPHQL_HEADERS, authorization },
          body: JSON.stringify({ query: HYDRA_LIST_QUERY, operationName: 'HydraOrganizationsPage', variables: { first: size } }),
        },
      ],
      requestsPerOperation: 1,
      upstreamCallsPerOperation: 1,
      quickCheck: quickGraphQL('"edges":[{'),
      fullCheck: (status, body) => {
        const data = graphqlData(status, body);
        if (typeof data === 'string') return data;
        const count = (data['organizations'] as { edges?: unknown[] } | null)?.edges?.length;
        return count === size ? undefined : `expected ${size} edges, got ${count}`;
      },
    };
  }
  return {
    requests: [
      { method: 'GET', path: `/api/organizations?page=1&itemsPerPage=${size}`, headers: { accept: 'application/ld+json', authorization } },
    ],
    requestsPerOperation: 1,
    upstreamCallsPerOperation: 1,
    quickCheck: (body) => body.includes('"member":[{'),
    fullCheck: (status, body) => {
      if (status !== 200 || !isRecord(body)) return `HTTP ${status}`;
      const members = body['member'];
      return Array.isArray(members) && members.length === size ? undefined : `expected ${size} members`;
    },
  };
}

/** The organization a settings page shows: the demo admin is one of its admins. */
export const SETTINGS_ORG = 'org_0001';
const SETTINGS_GROUPS = 10;

/** An organization's settings page (issue 19): the organization, its members, its groups with theirs, and AI usage. */
export const SETTINGS_PAGE_QUERY = `query SettingsPage($id: ID!) {
  organization(id: $id) {
    id
    name
    slug
    members(first: 20) {
      edges {
        node {
          id
          role
          createdAt
          deactivatedAt
          user {
            fullName
            email
            avatarUrl
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    groups(first: ${SETTINGS_GROUPS}) {
      edges {
        node {
          id
          name
          members(first: 5) {
            edges {
              node {
                id
                user {
                  fullName
                  avatarUrl
                }
              }
            }
          }
        }
      }
    }
    aiUsage {
      totalUsageUsd
      billingPeriodStart
      billingPeriodEnd
      memberUsage {
        email
        usageUsd
      }
    }
  }
}`;

function settingsPagePlan(target: TargetName): ScenarioPlan {
  if (target === 'gateway') {
    const request = graphqlRequest(SETTINGS_PAGE_QUERY, 'SettingsPage', { id: globalId(SETTINGS_ORG) });
    return {
      requests: [request],
      requestsPerOperation: 1,
      upstreamCallsPerOperation: 4 + SETTINGS_GROUPS,
      quickCheck: quickGraphQL('"totalUsageUsd":'),
      fullCheck: (status, body) => {
        const data = graphqlData(status, body);
        if (typeof data === 'string') return data;
        const org = data['organization'] as {
          members?: { edges?: unknown[] };
          groups?: { edges?: { node: { members?: { edges?: unknown[] } } }[] };
          aiUsage?: unknown;
        } | null;
        if (org?.members?.edges?.length !== 20) return 'expected 20 members';
        const groups = org.groups?.edges ?? [];
        if (groups.length !== SETTINGS_GROUPS) return `expected ${SETTINGS_GROUPS} groups`;
        if (!groups.every((edge) => edge.node.members?.edges?.length === 5)) return 'expected 5 members in every group';
        return isRecord(org.aiUsage) ? undefined : 'no aiUsage';
      },
      sequence: [[request]],
    };
  }
  // What a frontend does without the gateway: the organization, its members, groups and AI usage
  // side by side, then each group's members once the group ids are known.
  const base = `${REST_PATH}/${SETTINGS_ORG}`;
  const get = (path: string): HttpRequestSpec => ({ method: 'GET', path, headers: REST_HEADERS });
  const first = [get(base), get(`${base}/members?limit=20`), get(`${base}/groups?limit=${SETTINGS_GROUPS}`), get(`${base}/ai-usage`)];
  const second = Array.from({ length: SETTINGS_GROUPS }, (_, n) =>
    get(`${base}/groups/grp_${SETTINGS_ORG}_${String(n).padStart(2, '0')}/members?limit=5`),
  );
  return {
    requests: [...first, ...second],
    requestsPerOperation: first.length + second.length,
    upstreamCallsPerOperation: first.length + second.length,
    quickCheck: (body) => body.startsWith('{"data":') || body.startsWith('{"totalUsage":'),
    fullCheck: (status, body) => {
      if (status !== 200 || !isRecord(body)) return `HTTP ${status}`;
      return body['data'] !== undefined || typeof body['totalUsage'] === 'number' ? undefined : 'neither data nor totalUsage';
    },
    sequence: [first, second],
  };
}
