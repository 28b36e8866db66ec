/**
 * Members, groups and AI usage (issue 19) over real HTTP against the Basedash demo upstream: what
 * the client saw, what the upstream received (paths, `limit`, tokens), the fan-out's call count and
 * overlap, FORBIDDEN as partial data, and the upstream-call bound against the calls really made.
 */
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../src/dialects/basedash/graphql/schema.js';
import { encodeNodeId } from '../src/graphql/node-id.js';
import { upstreamCallBound } from '../src/graphql/upstream-budget.js';
import type { RecordedRequest } from '../src/demo/harness.js';
import { DEMO_TOKENS, errorCodes, postGraphQL, startStack, type Stack } from './helpers/stack.js';

const ORG = 'org_0001';
const orgNodeId = (id: string) => encodeNodeId('Organization', id);

const PEOPLE_PATH = (orgId: string, rest: string) => `/api/public/organizations/${orgId}/${rest}`;

interface Connection<T> {
  edges: { cursor: string; node: T }[] | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface Member {
  id: string;
  upstreamId: string;
  role: string;
  createdAt: string | null;
  deactivatedAt: string | null;
  user: {
    upstreamId: string;
    fullName: string | null;
    firstName: string | null;
    email: string;
    avatarUrl: string | null;
    isEmailVerified: boolean | null;
    title: string | null;
    createdAt: string | null;
  };
}

const MEMBER_FIELDS = `id upstreamId role createdAt deactivatedAt
  user { upstreamId fullName firstName email avatarUrl isEmailVerified title createdAt }`;

describe('members, groups and AI usage of one organization', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('reads a page of members with their users, mapping first to limit and after to cursor', async () => {
    const query = `query ($id: ID!, $after: String) { organization(id: $id) { members(first: 3, after: $after) {
      edges { cursor node { ${MEMBER_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`;
    const first = await postGraphQL<{ organization: { members: Connection<Member> } }>(stack.gateway.url, query, {
      id: orgNodeId(ORG),
    });
    expect(first.body.errors).toBeUndefined();
    const page = first.body.data!.organization.members;
    expect(page.edges!.map((edge) => edge.node.upstreamId)).toEqual([`mem_${ORG}_00`, `mem_${ORG}_01`, `mem_${ORG}_02`]);
    const ada = page.edges![0]!.node;
    expect(ada).toEqual({
      id: expect.any(String),
      upstreamId: `mem_${ORG}_00`,
      role: 'ADMIN',
      createdAt: '2026-06-01T00:00:00.000Z',
      deactivatedAt: null,
      user: {
        upstreamId: `usr_${ORG}_00`,
        fullName: 'Ada Lovelace',
        firstName: 'Ada',
        email: `ada.lovelace.0@org-0001.example.com`,
        avatarUrl: `https://avatars.example.com/usr_${ORG}_00.png`,
        isEmailVerified: true,
        title: 'Engineer',
        createdAt: '2026-05-02T00:00:00.000Z',
      },
    });
    expect(page.edges![1]!.node.user).toMatchObject({ avatarUrl: null, title: null });
    expect(page.pageInfo.hasNextPage).toBe(true);

    const second = await postGraphQL<{ organization: { members: Connection<Member> } }>(stack.gateway.url, query, {
      id: orgNodeId(ORG),
      after: page.pageInfo.endCursor,
    });
    expect(second.body.data!.organization.members.edges!.map((edge) => edge.node.upstreamId)).toEqual([
      `mem_${ORG}_03`,
      `mem_${ORG}_04`,
      `mem_${ORG}_05`,
    ]);

    const calls = stack.apiCalls().filter((call) => call.path.endsWith('/members'));
    expect(calls.map((call) => [call.method, call.path, call.query, call.headers.authorization])).toEqual([
      ['GET', PEOPLE_PATH(ORG, 'members'), { limit: '3' }, `Bearer ${DEMO_TOKENS.admin}`],
      ['GET', PEOPLE_PATH(ORG, 'members'), { limit: '3', cursor: `mem_${ORG}_02` }, `Bearer ${DEMO_TOKENS.admin}`],
    ]);
  });

  it('reads a member again by its node id, one GET of that member', async () => {
    const list = await postGraphQL<{ organization: { members: Connection<Member> } }>(
      stack.gateway.url,
      'query ($id: ID!) { organization(id: $id) { members(first: 2) { edges { node { id upstreamId } } } } }',
      { id: orgNodeId(ORG) },
    );
    const nodeId = list.body.data!.organization.members.edges![1]!.node.id;
    stack.upstream.reset();
    const node = await postGraphQL<{ node: { upstreamId: string; user: { email: string } } | null }>(
      stack.gateway.url,
      'query ($id: ID!) { node(id: $id) { ... on OrganizationMember { upstreamId user { email } } } }',
      { id: nodeId },
    );
    expect(node.body.errors).toBeUndefined();
    expect(node.body.data!.node).toEqual({ upstreamId: `mem_${ORG}_01`, user: { email: 'grace.dijkstra.1@org-0001.example.com' } });
    expect(stack.apiCalls().map((call) => call.path)).toEqual([PEOPLE_PATH(ORG, `members/mem_${ORG}_01`)]);
  });

  it('reads groups with their fields and their members, one call per group page', async () => {
    const answer = await postGraphQL<{
      organization: {
        groups: Connection<{
          id: string;
          upstreamId: string;
          name: string;
          createdAt: string | null;
          updatedAt: string | null;
          members: Connection<{ upstreamId: string }>;
        }>;
      };
    }>(
      stack.gateway.url,
      `query ($id: ID!) { organization(id: $id) { groups(first: 2) {
        edges { node { id upstreamId name createdAt updatedAt members(first: 4) { edges { node { upstreamId } } pageInfo { hasNextPage } } } }
        pageInfo { hasNextPage } } } }`,
      { id: orgNodeId(ORG) },
    );
    expect(answer.body.errors).toBeUndefined();
    const groups = answer.body.data!.organization.groups;
    expect(groups.pageInfo.hasNextPage).toBe(true);
    expect(groups.edges!.map(({ node }) => [node.upstreamId, node.name, node.createdAt, node.updatedAt])).toEqual([
      [`grp_${ORG}_00`, 'Group 1', '2026-05-27T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
      [`grp_${ORG}_01`, 'Group 2', '2026-05-26T00:00:00.000Z', '2026-05-31T00:00:00.000Z'],
    ]);
    expect(groups.edges![1]!.node.members.edges!.map(({ node }) => node.upstreamId)).toEqual([2, 3, 4, 5].map((n) => `mem_${ORG}_0${n}`));
    expect(groups.edges![1]!.node.members.pageInfo.hasNextPage).toBe(true);
    expect(
      stack
        .apiCalls()
        .filter((call) => call.path.includes('/groups'))
        .map((call) => [call.path, call.query]),
    ).toEqual([
      [PEOPLE_PATH(ORG, 'groups'), { limit: '2' }],
      [PEOPLE_PATH(ORG, `groups/grp_${ORG}_00/members`), { limit: '4' }],
      [PEOPLE_PATH(ORG, `groups/grp_${ORG}_01/members`), { limit: '4' }],
    ]);
  });

  it('reads AI usage, resolving each member from the members page already read (no extra call)', async () => {
    const answer = await postGraphQL<{
      organization: {
        members: Connection<{ upstreamId: string }>;
        aiUsage: {
          totalUsageUsd: number;
          billingPeriodStart: string;
          billingPeriodEnd: string;
          memberUsage: { userId: string; email: string; usageUsd: number; member: { upstreamId: string; role: string } | null }[];
        };
      };
    }>(
      stack.gateway.url,
      `query ($id: ID!) { organization(id: $id) {
        members(first: 10) { edges { node { upstreamId } } }
        aiUsage { totalUsageUsd billingPeriodStart billingPeriodEnd memberUsage { userId email usageUsd member { upstreamId role } } } } }`,
      { id: orgNodeId(ORG) },
    );
    expect(answer.body.errors).toBeUndefined();
    const usage = answer.body.data!.organization.aiUsage;
    expect(usage.totalUsageUsd).toBe(18.75);
    expect(usage.billingPeriodStart).toBe('2026-12-01T00:00:00.000Z');
    expect(usage.billingPeriodEnd).toBe('2027-01-01T00:00:00.000Z');
    expect(usage.memberUsage).toHaveLength(5);
    expect(usage.memberUsage[0]).toEqual({
      userId: `usr_${ORG}_00`,
      email: 'ada.lovelace.0@org-0001.example.com',
      usageUsd: 1.25,
      member: { upstreamId: `mem_${ORG}_00`, role: 'ADMIN' },
    });
    // The organization is read first; members and AI usage then run side by side, and no member is
    // read on its own.
    expect(
      stack
        .apiCalls()
        .map((call) => call.path)
        .sort(),
    ).toEqual([`/api/public/organizations/${ORG}`, PEOPLE_PATH(ORG, 'ai-usage'), PEOPLE_PATH(ORG, 'members')]);
  });

  it('reads each AI-usage member with one call when no members page was read', async () => {
    const answer = await postGraphQL<{ organization: { aiUsage: { memberUsage: { member: { upstreamId: string } | null }[] } } }>(
      stack.gateway.url,
      'query ($id: ID!) { organization(id: $id) { aiUsage { memberUsage { member { upstreamId } } } } }',
      { id: orgNodeId(ORG) },
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.organization.aiUsage.memberUsage.map((entry) => entry.member?.upstreamId)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `mem_${ORG}_0${n}`),
    );
    expect(stack.apiCalls().filter((call) => call.path.includes('/members/'))).toHaveLength(5);
  });
  it('looks up at most 100 AI-usage members one by one, the number the upstream-call bound counts', async () => {
    const memberUsage = Array.from({ length: 102 }, (_, n) => ({
      userId: `usr_${ORG}_${n}`,
      memberId: n < 25 ? `mem_${ORG}_${String(n).padStart(2, '0')}` : `mem_${ORG}_x${n}`,
      email: `user${n}@example.com`,
      usage: 0.5,
    }));
    stack.upstream.injectFault({
      kind: 'status',
      status: 200,
      body: { totalUsage: 51, billingPeriodStart: null, billingPeriodEnd: null, memberUsage },
      match: { pathPrefix: PEOPLE_PATH(ORG, 'ai-usage') },
    });
    const answer = await postGraphQL<{ organization: { aiUsage: { memberUsage: { member: { upstreamId: string } | null }[] } } }>(
      stack.gateway.url,
      'query ($id: ID!) { organization(id: $id) { aiUsage { totalUsageUsd memberUsage { email member { upstreamId } } } } }',
      { id: orgNodeId(ORG) },
    );
    const entries = answer.body.data!.organization.aiUsage.memberUsage;
    expect(entries).toHaveLength(102);
    expect(entries[0]!.member).toEqual({ upstreamId: `mem_${ORG}_00` });
    // Unknown members are null; the 101st and 102nd are refused instead of looked up.
    expect(entries[99]!.member).toBeNull();
    expect(entries[100]!.member).toBeNull();
    expect(answer.body.errors!.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['organization', 'aiUsage', 'memberUsage', 100, 'member'], 'BAD_USER_INPUT'],
      [['organization', 'aiUsage', 'memberUsage', 101, 'member'], 'BAD_USER_INPUT'],
    ]);
    expect(answer.body.errors![0]!.message).toMatch(/more than 100 entries/);
    expect(stack.apiCalls().filter((call) => call.path.includes('/members/'))).toHaveLength(100);
  });
});

describe('a caller who is not an admin of one organization', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('gets FORBIDDEN at that organization’s members, groups and aiUsage only, and the rest of the answer', async () => {
    const answer = await postGraphQL<{
      organizations: {
        edges: {
          node: {
            upstreamId: string;
            members: { edges: unknown[] | null } | null;
            groups: { edges: unknown[] | null } | null;
            aiUsage: { totalUsageUsd: number } | null;
          };
        }[];
      };
    }>(
      stack.gateway.url,
      `{ organizations(first: 5) { edges { node { upstreamId
        members(first: 2) { edges { node { upstreamId } } }
        groups(first: 1) { edges { node { name } } }
        aiUsage { totalUsageUsd } } } } }`,
    );
    expect(answer.status).toBe(200);
    const nodes = answer.body.data!.organizations.edges.map((edge) => edge.node);
    // Newest first: org_0120 … org_0116; the admin is a plain member of org_0116 (index 115 % 8 === 3).
    const forbiddenIndex = nodes.findIndex((node) => node.upstreamId === 'org_0116');
    expect(forbiddenIndex).toBeGreaterThanOrEqual(0);
    for (const [index, node] of nodes.entries()) {
      if (index === forbiddenIndex) {
        expect(node.members).toEqual({ edges: null });
        expect(node.groups).toEqual({ edges: null });
        expect(node.aiUsage).toBeNull();
      } else {
        expect(node.members!.edges).toHaveLength(2);
        expect(node.groups!.edges).toHaveLength(1);
        expect(node.aiUsage!.totalUsageUsd).toBeGreaterThan(0);
      }
    }
    const errors = answer.body.errors!;
    expect(errors.map((error) => [error.path, error.extensions?.['code']])).toEqual(
      expect.arrayContaining([
        [['organizations', 'edges', forbiddenIndex, 'node', 'members', 'edges'], 'FORBIDDEN'],
        [['organizations', 'edges', forbiddenIndex, 'node', 'groups', 'edges'], 'FORBIDDEN'],
        [['organizations', 'edges', forbiddenIndex, 'node', 'aiUsage'], 'FORBIDDEN'],
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('a plain member gets FORBIDDEN for members of an organization they belong to, with the organization served', async () => {
    const answer = await postGraphQL<{ organizations: { edges: { node: { name: string; members: { edges: null } } }[] } }>(
      stack.gateway.url,
      '{ organizations(first: 1) { edges { node { name members(first: 5) { edges { node { upstreamId } } } } } } }',
      undefined,
      { token: DEMO_TOKENS.member },
    );
    expect(answer.body.data!.organizations.edges[0]!.node.name).toEqual(expect.any(String));
    expect(answer.body.data!.organizations.edges[0]!.node.members.edges).toBeNull();
    expect(answer.body.errors!.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    expect(answer.body.errors![0]!.path).toEqual(['organizations', 'edges', 0, 'node', 'members', 'edges']);
  });
});

describe('fan-out over a page of organizations', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { operationConcurrency: 10 } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('organizations(first: 50) { members(first: 5) } costs exactly 1 + 50 calls, overlapping, at most 10 at once', async () => {
    // Each members call waits 50 ms upstream, so calls made one after another would never overlap.
    stack.upstream.injectFault({
      kind: 'delay',
      ms: 50,
      times: Number.POSITIVE_INFINITY,
      match: { pathPrefix: '/api/public/organizations/org_' },
    });
    const answer = await postGraphQL<{ organizations: { edges: { node: { members: { edges: unknown[] | null } } }[] } }>(
      stack.gateway.url,
      '{ organizations(first: 50) { edges { node { upstreamId members(first: 5) { edges { node { upstreamId user { email } } } } } } } }',
    );
    expect(answer.status).toBe(200);
    const calls = stack.apiCalls();
    expect(calls).toHaveLength(51);
    expect(calls[0]!.path).toBe('/api/public/organizations');
    expect(calls[0]!.query).toEqual({ limit: '50' });
    const memberCalls = calls.slice(1);
    expect(memberCalls.every((call) => /^\/api\/public\/organizations\/org_\d{4}\/members$/.test(call.path))).toBe(true);
    expect(memberCalls.every((call) => call.query['limit'] === '5' && call.query['cursor'] === undefined)).toBe(true);
    expect(new Set(memberCalls.map((call) => call.path)).size).toBe(50);
    // Overlapped, and never more than UPSTREAM_CONCURRENCY at once.
    expect(maxOverlap(memberCalls)).toBeGreaterThan(1);
    expect(maxOverlap(memberCalls)).toBeLessThanOrEqual(10);
    // Organizations where the demo admin is not an admin answer FORBIDDEN at their members only.
    const forbidden = answer.body.errors ?? [];
    expect(forbidden.every((error) => error.extensions?.['code'] === 'FORBIDDEN')).toBe(true);
    const served = answer.body.data!.organizations.edges.filter((edge) => edge.node.members.edges !== null);
    expect(served.length + forbidden.length).toBe(50);
    expect(served.every((edge) => edge.node.members.edges!.length === 5)).toBe(true);
  });
});

/** The most requests the upstream held open at one moment, from when each was read to when its answer ended. */
function maxOverlap(requests: readonly RecordedRequest[]): number {
  const events = requests.flatMap((request) => [
    [request.receivedAt, 1],
    [request.closedAt ?? Number.POSITIVE_INFINITY, -1],
  ]) as [number, number][];
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let max = 0;
  for (const [, change] of events) max = Math.max(max, (open += change));
  return max;
}

interface BudgetCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  bound: number;
}

const BUDGET_CASES: BudgetCase[] = [
  {
    name: 'members of a page of organizations',
    query: '{ organizations(first: 10) { edges { node { members(first: 5) { edges { node { upstreamId } } } } } } }',
    bound: 11,
  },
  {
    name: 'groups with their members, first from variables and defaults',
    query: `query ($id: ID!, $groups: Int = 3, $members: Int) { organization(id: $id) { groups(first: $groups) { edges { node { name members(first: $members) { edges { node { upstreamId } } } } } } } }`,
    variables: { id: orgNodeId(ORG), members: 2 },
    bound: 5,
  },
  {
    name: 'the settings page',
    query: `query ($id: ID!) { organization(id: $id) { name
      members(first: 20) { edges { node { role user { email } } } }
      groups(first: 10) { edges { node { name members(first: 5) { edges { node { upstreamId } } } } } }
      aiUsage { totalUsageUsd memberUsage { usageUsd } } } }`,
    variables: { id: orgNodeId(ORG) },
    bound: 14,
  },
  {
    name: 'deactivateMember, whose payload may read the member again',
    query: `mutation ($id: ID!) { deactivateMember(input: { id: $id }) { member { deactivatedAt } userErrors { code } } }`,
    variables: { id: encodeNodeId('OrganizationMember', `${ORG}:mem_${ORG}_07`) },
    bound: 2,
  },
  {
    name: 'addGroupMember reading back the group, its members and the member',
    query: `mutation ($input: AddGroupMemberInput!) { addGroupMember(input: $input) { group { name members(first: 3) { edges { node { upstreamId } } } } member { role } userErrors { code } } }`,
    variables: {
      input: {
        groupId: encodeNodeId('Group', `${ORG}:grp_${ORG}_03`),
        memberId: encodeNodeId('OrganizationMember', `${ORG}:mem_${ORG}_21`),
      },
    },
    bound: 4,
  },
  {
    name: 'AI usage with each member (bounded at 100 entries)',
    query: `query ($id: ID!) { organization(id: $id) { aiUsage { memberUsage { member { upstreamId } } } } }`,
    variables: { id: orgNodeId(ORG) },
    bound: 102,
  },
];

describe('the upstream-call bound of nested connections', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { maxUpstreamCalls: 1_000_000 } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it.each(BUDGET_CASES)('$name: bound $bound, never below the calls made', async ({ query, variables, bound }) => {
    expect(upstreamCallBound(schema, parse(query), undefined, variables)).toBe(bound);
    const response = await postGraphQL(stack.gateway.url, query, variables);
    expect(response.status).toBe(200);
    // Organizations where the demo admin is a plain member answer FORBIDDEN at their members only.
    expect(errorCodes(response).filter((code) => code !== 'FORBIDDEN')).toEqual([]);
    expect(stack.apiCalls().length).toBeGreaterThan(0);
    expect(stack.apiCalls().length).toBeLessThanOrEqual(bound);
  });
});

function refusal(bound: number, maximum: number) {
  return [
    {
      message: `This operation could make up to ${bound} upstream calls; the maximum is ${maximum}. Ask for fewer ids, smaller pages (\`first\`) or fewer aliases, or split it into several requests.`,
      extensions: { code: 'BAD_USER_INPUT', limit: 'upstreamCalls', bound, maximum },
    },
  ];
}

describe('with the default MAX_UPSTREAM_CALLS (200)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('refuses organizations(first: 100) { members(first: 100) groups(first: 2) { members(first: $n) } } before any call', async () => {
    // 1 page of organizations + 100 × (1 members page + 1 groups page + 2 × 1 group members page).
    const answer = await postGraphQL(
      stack.gateway.url,
      `query ($orgs: Int = 100, $members: Int = 100, $n: Int = 5) { organizations(first: $orgs) { edges { node {
        members(first: $members) { edges { node { upstreamId } } }
        groups(first: 2) { edges { node { members(first: $n) { edges { node { upstreamId } } } } } } } } } }`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty('data');
    // Variables and their defaults count as literals do (graphql-armor's cost limit reads only literals).
    expect(answer.body.errors).toEqual(refusal(401, 200));
    expect(stack.apiCalls()).toHaveLength(0);
  });
  it('refuses the literal organizations(first: 100) { members(first: 100) } before any call (its bound is 101; the cost limit reads literal pages)', async () => {
    const query = '{ organizations(first: 100) { edges { node { members(first: 100) { edges { node { upstreamId role } } } } } } }';
    expect(upstreamCallBound(schema, parse(query), undefined, undefined)).toBe(101);
    const answer = await postGraphQL(stack.gateway.url, query);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty('data');
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors![0]!.extensions?.['limit']).toBe('cost');
    expect(stack.apiCalls()).toHaveLength(0);
  });
});

describe('with MAX_UPSTREAM_CALLS lowered to 100', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { maxUpstreamCalls: 100 } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  const NESTED =
    'query ($n: Int!) { organizations(first: $n) { edges { node { members(first: 100) { edges { node { upstreamId } } } } } } }';

  it('refuses organizations(first: 100) { members(first: 100) } (1 + 100 calls) before any call', async () => {
    const answer = await postGraphQL(stack.gateway.url, NESTED, { n: 100 });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual(refusal(101, 100));
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('serves organizations(first: 99) { members(first: 100) }, exactly its bound of 100 calls', async () => {
    const answer = await postGraphQL(stack.gateway.url, NESTED, { n: 99 });
    expect(answer.status).toBe(200);
    expect(errorCodes(answer).filter((code) => code !== 'FORBIDDEN')).toEqual([]);
    expect(stack.apiCalls()).toHaveLength(100);
  });
});

const memberNodeId = (orgId: string, memberId: string) => encodeNodeId('OrganizationMember', `${orgId}:${memberId}`);
const groupNodeId = (orgId: string, groupId: string) => encodeNodeId('Group', `${orgId}:${groupId}`);

interface UserErrorView {
  field: string[] | null;
  message: string;
  code: string;
}

describe('member mutations', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) {
    member { id upstreamId role deactivatedAt user { email fullName isEmailVerified } } userErrors { field message code } } }`;
  type InvitePayload = {
    inviteMember: {
      member: {
        id: string;
        upstreamId: string;
        role: string;
        deactivatedAt: string | null;
        user: { email: string; fullName: string | null; isEmailVerified: boolean };
      } | null;
      userErrors: UserErrorView[];
    };
  };

  it('inviteMember sends the email and role, answers the new member, and the next read lists it first', async () => {
    const answer = await postGraphQL<InvitePayload>(stack.gateway.url, INVITE, {
      input: { organizationId: orgNodeId(ORG), email: 'new.person@example.com', role: 'MEMBER' },
    });
    expect(answer.body.errors).toBeUndefined();
    const { member, userErrors } = answer.body.data!.inviteMember;
    expect(userErrors).toEqual([]);
    expect(member).toMatchObject({
      role: 'MEMBER',
      deactivatedAt: null,
      user: { email: 'new.person@example.com', fullName: null, isEmailVerified: false },
    });
    expect(stack.apiCalls().map((call) => [call.method, call.path, call.body])).toEqual([
      ['POST', PEOPLE_PATH(ORG, 'members'), { email: 'new.person@example.com', role: 'MEMBER' }],
    ]);
    const list = await postGraphQL<{ organization: { members: Connection<{ id: string }> } }>(
      stack.gateway.url,
      'query ($id: ID!) { organization(id: $id) { members(first: 1) { edges { node { id } } } } }',
      { id: orgNodeId(ORG) },
    );
    expect(list.body.data!.organization.members.edges![0]!.node.id).toBe(member!.id);
  });

  it('inviteMember omits an unset role, refuses a malformed email before any call, and reports an existing member as CONFLICT', async () => {
    const bad = await postGraphQL<InvitePayload>(stack.gateway.url, INVITE, {
      input: { organizationId: orgNodeId(ORG), email: 'not-an-email' },
    });
    expect(bad.body.data!.inviteMember).toEqual({
      member: null,
      userErrors: [{ field: ['input', 'email'], code: 'INVALID', message: '`email`: "not-an-email" is not an email address.' }],
    });
    expect(stack.apiCalls()).toHaveLength(0);

    const existing = await postGraphQL<InvitePayload>(stack.gateway.url, INVITE, {
      input: { organizationId: orgNodeId(ORG), email: 'ada.lovelace.0@org-0001.example.com' },
    });
    expect(existing.body.data!.inviteMember.member).toBeNull();
    expect(existing.body.data!.inviteMember.userErrors).toEqual([
      {
        field: ['input', 'email'],
        code: 'CONFLICT',
        message: 'ada.lovelace.0@org-0001.example.com is already a member of this organization',
      },
    ]);
    expect(stack.apiCalls().map((call) => call.body)).toEqual([{ email: 'ada.lovelace.0@org-0001.example.com' }]);
  });

  it('inviteMember by a caller who is not an admin there is FORBIDDEN, and the answer says nothing was written', async () => {
    const answer = await postGraphQL<InvitePayload>(stack.gateway.url, INVITE, {
      input: { organizationId: orgNodeId('org_0004'), email: 'someone@example.com' },
    });
    expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
    expect(answer.body.extensions).toEqual({
      mutations: [{ path: ['inviteMember'], field: 'inviteMember', status: 'NOT_APPLIED', organizationId: orgNodeId('org_0004') }],
    });
  });

  const UPDATE = `mutation ($input: UpdateMemberInput!) { updateMember(input: $input) {
    member { upstreamId role user { fullName avatarUrl title } } userErrors { field message code } } }`;
  type UpdatePayload = {
    updateMember: {
      member: {
        upstreamId: string;
        role: string;
        user: { fullName: string | null; avatarUrl: string | null; title: string | null };
      } | null;
      userErrors: UserErrorView[];
    };
  };

  it('updateMember sends only the fields set (null clears the avatar) and answers the updated member', async () => {
    const answer = await postGraphQL<UpdatePayload>(stack.gateway.url, UPDATE, {
      input: { id: memberNodeId(ORG, `mem_${ORG}_00`), fullName: 'Augusta Ada King', avatarUrl: null },
    });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.updateMember).toEqual({
      member: { upstreamId: `mem_${ORG}_00`, role: 'ADMIN', user: { fullName: 'Augusta Ada King', avatarUrl: null, title: 'Engineer' } },
      userErrors: [],
    });
    expect(stack.apiCalls().map((call) => [call.method, call.path, call.body])).toEqual([
      ['PATCH', PEOPLE_PATH(ORG, `members/mem_${ORG}_00`), { fullName: 'Augusta Ada King', avatarUrl: null }],
    ]);
  });

  it('updateMember refuses no changes, a null role, an empty name and a non-https avatar before any call', async () => {
    const id = memberNodeId(ORG, `mem_${ORG}_01`);
    const none = await postGraphQL<UpdatePayload>(stack.gateway.url, UPDATE, { input: { id } });
    expect(none.body.data!.updateMember.userErrors).toEqual([
      { field: ['input'], code: 'NO_CHANGES', message: 'Set at least one field to change besides `id`.' },
    ]);
    const bad = await postGraphQL<UpdatePayload>(stack.gateway.url, UPDATE, {
      input: { id, role: null, fullName: ' ', avatarUrl: 'http://example.com/a.png' },
    });
    expect(bad.body.data!.updateMember.member).toBeNull();
    expect(bad.body.data!.updateMember.userErrors.map((error) => [error.field, error.code])).toEqual([
      [['input', 'role'], 'INVALID'],
      [['input', 'fullName'], 'INVALID'],
      [['input', 'avatarUrl'], 'INVALID'],
    ]);
    expect(bad.body.data!.updateMember.userErrors[0]!.message).toBe('`role` cannot be null: omit it to leave it unchanged.');
    expect(bad.body.data!.updateMember.userErrors[2]!.message).toMatch(/is not an https URL/);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('updateMember of an unknown member is a NOT_FOUND userError', async () => {
    const answer = await postGraphQL<UpdatePayload>(stack.gateway.url, UPDATE, {
      input: { id: memberNodeId(ORG, 'mem_missing'), fullName: 'X' },
    });
    expect(answer.body.data!.updateMember.member).toBeNull();
    expect(answer.body.data!.updateMember.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
  });

  const DEACTIVATE = `mutation ($input: DeactivateMemberInput!) { deactivateMember(input: $input) {
    member { upstreamId deactivatedAt } userErrors { code } } }`;

  it('deactivateMember sends DELETE and answers the member with deactivatedAt; inviting the email again reactivates it', async () => {
    const answer = await postGraphQL<{ deactivateMember: { member: { upstreamId: string; deactivatedAt: string | null } } }>(
      stack.gateway.url,
      DEACTIVATE,
      { input: { id: memberNodeId(ORG, `mem_${ORG}_02`) } },
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.deactivateMember.member.upstreamId).toBe(`mem_${ORG}_02`);
    expect(answer.body.data!.deactivateMember.member.deactivatedAt).toEqual(expect.any(String));
    expect(stack.apiCalls().map((call) => [call.method, call.path])).toEqual([['DELETE', PEOPLE_PATH(ORG, `members/mem_${ORG}_02`)]]);

    const again = await postGraphQL<InvitePayload>(stack.gateway.url, INVITE, {
      input: { organizationId: orgNodeId(ORG), email: 'alan.allen.2@org-0001.example.com' },
    });
    expect(again.body.data!.inviteMember.member).toMatchObject({ upstreamId: `mem_${ORG}_02`, deactivatedAt: null });
  });

  it('deactivateMember reads the member again when the upstream answers 204 without it', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 204, match: { method: 'DELETE' } });
    const answer = await postGraphQL<{ deactivateMember: { member: { upstreamId: string } } }>(stack.gateway.url, DEACTIVATE, {
      input: { id: memberNodeId(ORG, `mem_${ORG}_03`) },
    });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.deactivateMember.member.upstreamId).toBe(`mem_${ORG}_03`);
    expect(stack.apiCalls().map((call) => [call.method, call.path])).toEqual([
      ['DELETE', PEOPLE_PATH(ORG, `members/mem_${ORG}_03`)],
      ['GET', PEOPLE_PATH(ORG, `members/mem_${ORG}_03`)],
    ]);
  });
});

describe('group mutations', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  const CREATE = `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id upstreamId name } userErrors { field message code } } }`;
  const UPDATE = `mutation ($input: UpdateGroupInput!) { updateGroup(input: $input) { group { id name } userErrors { field message code } } }`;
  const DELETE = `mutation ($input: DeleteGroupInput!) { deleteGroup(input: $input) { deletedGroupId userErrors { field message code } } }`;
  type GroupPayload = { group: { id: string; upstreamId: string; name: string } | null; userErrors: UserErrorView[] };

  it('createGroup, updateGroup and deleteGroup send POST {name}, PATCH {name} and DELETE, and answer what was written', async () => {
    const created = await postGraphQL<{ createGroup: GroupPayload }>(stack.gateway.url, CREATE, {
      input: { organizationId: orgNodeId(ORG), name: 'Data team' },
    });
    expect(created.body.errors).toBeUndefined();
    const group = created.body.data!.createGroup.group!;
    expect(group.name).toBe('Data team');
    expect(group.id).toBe(groupNodeId(ORG, group.upstreamId));

    const renamed = await postGraphQL<{ updateGroup: GroupPayload }>(stack.gateway.url, UPDATE, {
      input: { id: group.id, name: 'Analytics' },
    });
    expect(renamed.body.data!.updateGroup).toEqual({ group: { id: group.id, name: 'Analytics' }, userErrors: [] });

    const deleted = await postGraphQL<{ deleteGroup: { deletedGroupId: string; userErrors: UserErrorView[] } }>(stack.gateway.url, DELETE, {
      input: { id: group.id },
    });
    expect(deleted.body.data!.deleteGroup).toEqual({ deletedGroupId: group.id, userErrors: [] });

    const gone = await postGraphQL<{ node: unknown }>(stack.gateway.url, 'query ($id: ID!) { node(id: $id) { id } }', { id: group.id });
    expect(gone.body.data!.node).toBeNull();

    expect(stack.apiCalls().map((call) => [call.method, call.path, call.body])).toEqual([
      ['POST', PEOPLE_PATH(ORG, 'groups'), { name: 'Data team' }],
      ['PATCH', PEOPLE_PATH(ORG, `groups/${group.upstreamId}`), { name: 'Analytics' }],
      ['DELETE', PEOPLE_PATH(ORG, `groups/${group.upstreamId}`), undefined],
      ['GET', PEOPLE_PATH(ORG, `groups/${group.upstreamId}`), undefined],
    ]);
  });

  it('refuses an empty name before any call, and reports a taken name and an unknown group as userErrors', async () => {
    const empty = await postGraphQL<{ createGroup: GroupPayload }>(stack.gateway.url, CREATE, {
      input: { organizationId: orgNodeId(ORG), name: '  ' },
    });
    expect(empty.body.data!.createGroup.userErrors).toEqual([
      { field: ['input', 'name'], code: 'INVALID', message: '`name` must not be empty.' },
    ]);
    expect(stack.apiCalls()).toHaveLength(0);

    const taken = await postGraphQL<{ createGroup: GroupPayload }>(stack.gateway.url, CREATE, {
      input: { organizationId: orgNodeId(ORG), name: 'Group 1' },
    });
    expect(taken.body.data!.createGroup).toEqual({
      group: null,
      userErrors: [{ field: ['input', 'name'], code: 'CONFLICT', message: 'A group named "Group 1" already exists' }],
    });

    const unknown = await postGraphQL<{ updateGroup: GroupPayload }>(stack.gateway.url, UPDATE, {
      input: { id: groupNodeId(ORG, 'grp_missing'), name: 'X' },
    });
    expect(unknown.body.data!.updateGroup.group).toBeNull();
    expect(unknown.body.data!.updateGroup.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
  });

  it('does not retry a group create the upstream fails with 502, and says its outcome is unknown', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 502, match: { method: 'POST' } });
    const answer = await postGraphQL<{ createGroup: GroupPayload | null }>(stack.gateway.url, CREATE, {
      input: { organizationId: orgNodeId(ORG), name: 'Ops' },
    });
    expect(errorCodes(answer)).toEqual(['UPSTREAM_ERROR']);
    expect(answer.body.extensions).toEqual({
      mutations: [{ path: ['createGroup'], field: 'createGroup', status: 'UNKNOWN', organizationId: orgNodeId(ORG) }],
    });
    expect(stack.apiCalls()).toHaveLength(1);
  });

  const ADD = `mutation ($input: AddGroupMemberInput!) { addGroupMember(input: $input) {
    group { name members(first: 10) { edges { node { upstreamId } } } } member { upstreamId } userErrors { field message code } } }`;
  const REMOVE = `mutation ($input: RemoveGroupMemberInput!) { removeGroupMember(input: $input) { group { upstreamId } member { upstreamId } userErrors { field message code } } }`;
  type MembershipPayload = {
    group: { name: string; members: Connection<{ upstreamId: string }> } | null;
    member: { upstreamId: string } | null;
    userErrors: UserErrorView[];
  };

  it('addGroupMember sends the member id and answers the group with its new member; removeGroupMember sends DELETE', async () => {
    const input = { groupId: groupNodeId(ORG, `grp_${ORG}_00`), memberId: memberNodeId(ORG, `mem_${ORG}_20`) };
    const added = await postGraphQL<{ addGroupMember: MembershipPayload }>(stack.gateway.url, ADD, { input });
    expect(added.body.errors).toBeUndefined();
    const payload = added.body.data!.addGroupMember;
    expect(payload.userErrors).toEqual([]);
    expect(payload.member).toEqual({ upstreamId: `mem_${ORG}_20` });
    expect(payload.group!.name).toBe('Group 1');
    expect(payload.group!.members.edges!.map((edge) => edge.node.upstreamId).at(-1)).toBe(`mem_${ORG}_20`);
    expect(stack.apiCalls()[0]).toMatchObject({
      method: 'POST',
      path: PEOPLE_PATH(ORG, `groups/grp_${ORG}_00/members`),
      body: { memberId: `mem_${ORG}_20` },
    });

    const again = await postGraphQL<{ addGroupMember: MembershipPayload }>(stack.gateway.url, ADD, { input });
    expect(again.body.data!.addGroupMember.userErrors).toEqual([
      { field: ['input', 'memberId'], code: 'CONFLICT', message: 'The member is already in this group' },
    ]);

    const before = stack.apiCalls().length;
    const removed = await postGraphQL<{ removeGroupMember: MembershipPayload }>(stack.gateway.url, REMOVE, { input });
    expect(removed.body.errors).toBeUndefined();
    expect(removed.body.data!.removeGroupMember.userErrors).toEqual([]);
    expect(stack.apiCalls()[before]).toMatchObject({
      method: 'DELETE',
      path: PEOPLE_PATH(ORG, `groups/grp_${ORG}_00/members/mem_${ORG}_20`),
    });
  });

  it('refuses a member of another organization before any call', async () => {
    const answer = await postGraphQL<{ addGroupMember: MembershipPayload }>(stack.gateway.url, ADD, {
      input: { groupId: groupNodeId(ORG, `grp_${ORG}_00`), memberId: memberNodeId('org_0002', 'mem_org_0002_01') },
    });
    expect(answer.body.data!.addGroupMember).toEqual({
      group: null,
      member: null,
      userErrors: [
        {
          field: ['input', 'memberId'],
          code: 'INVALID',
          message: '`memberId` is a member of another organization than the group: use a member of the same organization.',
        },
      ],
    });
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('refuses an Organization id where a Group id is expected', async () => {
    const answer = await postGraphQL(stack.gateway.url, UPDATE, { input: { id: orgNodeId(ORG), name: 'X' } });
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors![0]!.message).toBe('`input.id` is the id of an Organization: give the `id` of a Group.');
    expect(answer.body.extensions).toEqual({ mutations: [{ path: ['updateGroup'], field: 'updateGroup', status: 'NOT_APPLIED' }] });
    expect(stack.apiCalls()).toHaveLength(0);
  });
});
