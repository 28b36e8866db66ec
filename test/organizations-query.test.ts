import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from './gql/gql.js';
import type { PageIdsQuery } from './gql/graphql.js';
import { DEMO_TOKENS, errorCodes, postGraphQL, startStack, type GraphQLResponse, type Stack } from './helpers/stack.js';

const FirstPage = graphql(`
  query FirstPage($first: Int, $after: String) {
    organizations(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          upstreamId
          name
          slug
          customAiContext
          onboardingStatus
          fullEmbedEnabled
          embedAllowedOrigins
          isBillable
          insightsEnabled
          insightsFrequency
          insightsPreferredDayOfWeek
          insightsPreferredDayOfMonth
          allowOnDemandAiUsage
          aiUsageOverageLimitCents
          defaultDashboardAccessAudience
          defaultDashboardAccessLevel
          defaultChatAccessAudience
          defaultChatAccessLevel
          defaultAutomationAccessAudience
          defaultAutomationAccessLevel
          trialEndsAt
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

const PageIds = graphql(`
  query PageIds($first: Int, $after: String, $last: Int, $before: String) {
    organizations(first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          upstreamId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const Secrets = graphql(`
  query Secrets($withSecret: Boolean!) {
    organizations(first: 100) {
      edges {
        node {
          upstreamId
          ...SecretFields @include(if: $withSecret)
        }
      }
    }
  }
  fragment SecretFields on Organization {
    jwtSecret
  }
`);

const OrganizationById = graphql(`
  query OrganizationById($id: ID!) {
    organization(id: $id) {
      id
      upstreamId
      name
      insightsFrequency
    }
  }
`);

const NodesByIds = graphql(`
  query NodesByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Organization {
        upstreamId
        slug
      }
    }
  }
`);

const ListThenNode = graphql(`
  query ListThenNode($id: ID!) {
    organizations(first: 5) {
      edges {
        node {
          id
          name
        }
      }
    }
    node(id: $id) {
      ... on Organization {
        name
        defaultChatAccessLevel
      }
    }
  }
`);

function globalId(upstreamId: string): string {
  return Buffer.from(`Organization:${upstreamId}`).toString('base64');
}

describe('Query.organizations', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('maps first to limit, forwards the bearer token unchanged, and returns every field of the list schema', async () => {
    const response = await stack.query(FirstPage, { first: 20 });
    expect(response.body.errors).toBeUndefined();
    const connection = response.body.data!.organizations;
    expect(connection.edges).toHaveLength(20);
    const node = connection.edges[0]!.node;
    expect(node.id).toBe(globalId(node.upstreamId));
    expect(Object.keys(node)).toHaveLength(22);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: connection.edges[0]!.cursor });

    const calls = stack.apiCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'GET', path: '/api/public/organizations', query: { limit: '20' } });
    expect(calls[0]!.query).not.toHaveProperty('cursor');
    expect(calls[0]!.query).not.toHaveProperty('include');
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${DEMO_TOKENS.admin}`);
  });

  it('pages through every organization newest first, passing endCursor back as the upstream cursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const response: GraphQLResponse<PageIdsQuery> = await stack.query(PageIds, { first: 25, after });
      expect(response.body.errors).toBeUndefined();
      const connection = response.body.data!.organizations;
      seen.push(...connection.edges.map((edge) => edge.node.upstreamId));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor ?? null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const calls = stack.apiCalls();
    expect(calls.length).toBe(Math.ceil(seen.length / 25));
    // The upstream cursor of each page is the id of the last item of the page before.
    calls.slice(1).forEach((call, index) => {
      expect(call.query['cursor']).toBe(seen[(index + 1) * 25 - 1]);
    });
    // The same order the upstream gives to a direct caller.
    const direct = await fetch(`${stack.upstream.url}/api/public/organizations?limit=100`, {
      headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` },
    });
    const directIds = ((await direct.json()) as { data: Array<{ id: string }> }).data.map((org) => org.id);
    expect(seen.slice(0, 100)).toEqual(directIds);
  });

  it('makes one upstream call for aliases that ask for the same page', async () => {
    const response = await postGraphQL<Record<string, { edges: unknown[] }>>(
      stack.gateway.url,
      '{ a: organizations(first: 10) { edges { node { name } } } b: organizations(first: 10) { edges { node { slug } } } c: organizations(first: 5) { edges { node { id } } } }',
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!['a']!.edges).toHaveLength(10);
    expect(response.body.data!['b']!.edges).toHaveLength(10);
    expect(
      stack
        .apiCalls()
        .map((call) => call.query['limit'])
        .sort(),
    ).toEqual(['10', '5']);
  });

  it('asks for exactly 100 when first is 100, not one more', async () => {
    const response = await stack.query(PageIds, { first: 100 });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organizations.edges).toHaveLength(100);
    expect(stack.apiCalls()[0]!.query['limit']).toBe('100');
  });

  it('uses the upstream default page size of 50 when first is omitted', async () => {
    const response = await stack.query(PageIds, {});
    expect(response.body.data!.organizations.edges).toHaveLength(50);
    expect(stack.apiCalls()[0]!.query['limit']).toBe('50');
  });

  it.each([
    [{ first: 101 }, '`first` must be between 1 and 100 (got 101).'],
    [{ first: 0 }, '`first` must be between 1 and 100 (got 0).'],
    [{ first: -5 }, '`first` must be between 1 and 100 (got -5).'],
    [{ last: 10 }, 'Backward pagination (`last`/`before`) is not supported'],
    [{ first: 10, before: 'abc' }, 'Backward pagination (`last`/`before`) is not supported'],
    [{ first: 10, after: 'not-a-cursor!' }, '`after` is not a cursor from this connection'],
    [{ first: 10, after: Buffer.from('Organization:x').toString('base64url') }, '`after` is not a cursor from this connection'],
  ])('rejects %j with BAD_USER_INPUT before calling the upstream', async (variables, message) => {
    const response = await stack.query(PageIds, variables);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0]!.message).toContain(message);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('asks for jwtSecret only when the operation selects it, and gets it only where the caller is admin', async () => {
    const without = await stack.query(Secrets, { withSecret: false });
    expect(without.body.errors).toBeUndefined();
    expect(stack.apiCalls()[0]!.query).not.toHaveProperty('include');

    stack.upstream.reset();
    const withSecret = await stack.query(Secrets, { withSecret: true });
    expect(withSecret.body.errors).toBeUndefined();
    expect(stack.apiCalls()[0]!.query['include']).toBe('jwtSecret');
    const secrets = withSecret.body.data!.organizations.edges.map((edge) => (edge.node as { jwtSecret?: string | null }).jwtSecret);
    expect(secrets.some((secret) => typeof secret === 'string' && secret.length > 0)).toBe(true);
    // The demo admin is a plain member of some organizations: no secret there.
    expect(secrets).toContain(null);
  });
});

describe('Query.organization, node and nodes', () => {
  let stack: Stack;
  let ids: string[];
  beforeAll(async () => {
    stack = await startStack();
    const page = await stack.query(PageIds, { first: 5 });
    ids = page.body.data!.organizations.edges.map((edge) => edge.node.upstreamId);
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('fetches one organization by global id with GET /organizations/{id}', async () => {
    const response = await stack.query(OrganizationById, { id: globalId(ids[0]!) });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organization).toMatchObject({ id: globalId(ids[0]!), upstreamId: ids[0] });
    const calls = stack.apiCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'GET', path: `/api/public/organizations/${ids[0]}` });
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${DEMO_TOKENS.admin}`);
  });

  it('answers null for an organization that does not exist', async () => {
    const response = await stack.query(OrganizationById, { id: globalId('org_does_not_exist') });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.organization).toBeNull();
    expect(stack.apiCalls()).toHaveLength(1);
  });

  it.each(['not base64!', Buffer.from('User:1').toString('base64'), Buffer.from('Organization:').toString('base64'), ''])(
    'rejects the malformed id %j with BAD_USER_INPUT and no upstream call',
    async (id) => {
      const response = await stack.query(OrganizationById, { id });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors![0]!.message).toContain('is not a valid ID');
      expect(stack.apiCalls()).toHaveLength(0);
    },
  );

  it('batches nodes, fetching each distinct id once and answering null for unknown ones', async () => {
    const requested = [globalId(ids[0]!), globalId(ids[1]!), globalId(ids[0]!), globalId('org_missing')];
    const response = await stack.query(NodesByIds, { ids: requested });
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data!.nodes;
    expect(nodes.map((node) => (node as { upstreamId?: string } | null)?.upstreamId ?? null)).toEqual([ids[0], ids[1], ids[0], null]);
    const paths = stack
      .apiCalls()
      .map((call) => call.path)
      .sort();
    expect(paths).toEqual([ids[0], ids[1], 'org_missing'].map((id) => `/api/public/organizations/${id}`).sort());
  });

  it('refuses more than 100 ids in one nodes call before calling the upstream', async () => {
    const requested = Array.from({ length: 101 }, (_, index) => globalId(`org_${index}`));
    const response = await stack.query(NodesByIds, { ids: requested });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0]!.message).toBe('`nodes` takes at most 100 ids (got 101); split them over several requests.');
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('does not fetch again an organization already read from a list page in the same request', async () => {
    const response = await stack.query(ListThenNode, { id: globalId(ids[2]!) });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.node).toMatchObject({ name: expect.any(String), defaultChatAccessLevel: expect.any(String) });
    expect(stack.apiCalls().map((call) => call.path)).toEqual(['/api/public/organizations']);
  });

  it('percent-encodes an id that looks like a path, so it stays one path segment', async () => {
    for (const hostile of ['../admin', 'a/b', '%2F', 'https://evil.example/x', '..', '?include=jwtSecret']) {
      stack.upstream.reset();
      const response = await stack.query(OrganizationById, { id: globalId(hostile) });
      expect(response.body.data?.organization ?? null).toBeNull();
      const calls = stack.apiCalls();
      expect(calls).toHaveLength(1);
      const url = calls[0]!.url;
      expect(url.startsWith('/api/public/organizations/')).toBe(true);
      const segment = url.slice('/api/public/organizations/'.length);
      expect(segment).not.toMatch(/[/?#]/);
      expect(calls[0]!.query).not.toHaveProperty('include');
    }
  });
});
