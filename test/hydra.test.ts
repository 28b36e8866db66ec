/**
 * The Hydra dialect (issue 17): what the client saw and what the upstream received (method, path,
 * query, content type, body), against the Hydra demo and a separately written reference upstream
 * that speaks the older `hydra:` spelling. Operations are plain strings: test/gql/ is typed
 * against Basedash's schema.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../src/demo/harness.js';
import { DEMO_TOKENS, startDemoUpstream, type DemoUpstream } from '../src/dialects/hydra/demo/upstream.js';
import { hydra } from '../src/dialects/hydra/index.js';
import { REFERENCE_TOKEN, startHydraReferenceUpstream, type HydraReferenceUpstream } from './helpers/hydra-reference-upstream.js';
import { type GatewayHandle, postGraphQL, startGateway } from './helpers/stack.js';

const PAGE = `query Page($first: Int, $after: String) {
  organizations(first: $first, after: $after) {
    totalCount
    edges { cursor node { id iri upstreamId name } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

interface PageResult {
  organizations: {
    totalCount: number | null;
    edges: { cursor: string; node: { id: string; iri: string; upstreamId: string | null; name: string | null } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

const globalId = (iri: string) => Buffer.from(`Organization:${iri}`).toString('base64');

describe('Hydra dialect against its demo', () => {
  let upstream: DemoUpstream;
  let gateway: GatewayHandle;
  beforeAll(async () => {
    upstream = await startDemoUpstream();
    gateway = await startGateway(upstream.url, { dialect: hydra, retryBaseDelayMs: 1 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });
  afterEach(() => upstream.reset());

  const send = <T>(query: string, variables?: Record<string, unknown>, token: string = DEMO_TOKENS.admin) =>
    postGraphQL<T>(gateway.url, query, variables, { token });
  const calls = (): RecordedRequest[] => upstream.requests.filter((request) => request.path.startsWith('/api/'));

  describe('organizations', () => {
    it('maps first/after onto page/itemsPerPage: one call per page while first stays the same', async () => {
      const first = await send<PageResult>(PAGE, { first: 20 });
      expect(first.body.errors).toBeUndefined();
      const page1 = first.body.data!.organizations;
      expect(page1.totalCount).toBe(60);
      expect(page1.edges.map((edge) => edge.node.upstreamId)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
      expect(page1.edges[0]!.node).toMatchObject({
        iri: '/api/organizations/1',
        id: globalId('/api/organizations/1'),
        name: 'Hydra Organization 1',
      });
      expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = await send<PageResult>(PAGE, { first: 20, after: page1.pageInfo.endCursor });
      expect(second.body.data!.organizations.edges[0]!.node.upstreamId).toBe('21');
      const third = await send<PageResult>(PAGE, { first: 20, after: second.body.data!.organizations.pageInfo.endCursor });
      expect(third.body.data!.organizations.edges.at(-1)!.node.upstreamId).toBe('60');
      expect(third.body.data!.organizations.pageInfo.hasNextPage).toBe(false);
      expect(calls().map((call) => [call.method, call.path, call.query])).toEqual([
        ['GET', '/api/organizations', { page: '1', itemsPerPage: '20' }],
        ['GET', '/api/organizations', { page: '2', itemsPerPage: '20' }],
        ['GET', '/api/organizations', { page: '3', itemsPerPage: '20' }],
      ]);
      for (const call of calls()) expect(call.headers['accept']).toBe('application/ld+json');
    });

    it('makes at most two calls when first changes between pages, and returns exactly the next items', async () => {
      const first = await send<PageResult>(PAGE, { first: 7 });
      upstream.requests.length = 0;
      const next = await send<PageResult>(PAGE, { first: 5, after: first.body.data!.organizations.pageInfo.endCursor });
      expect(next.body.data!.organizations.edges.map((edge) => edge.node.upstreamId)).toEqual(['8', '9', '10', '11', '12']);
      expect(calls().map((call) => call.query)).toEqual([
        { page: '2', itemsPerPage: '5' },
        { page: '3', itemsPerPage: '5' },
      ]);
    });

    it("serves only the caller's organizations (the member token sees every third)", async () => {
      const response = await send<PageResult>(PAGE, { first: 3 }, DEMO_TOKENS.member);
      expect(response.body.data!.organizations.totalCount).toBe(20);
      expect(response.body.data!.organizations.edges.map((edge) => edge.node.upstreamId)).toEqual(['3', '6', '9']);
      expect(calls()[0]!.headers['authorization']).toBe(`Bearer ${DEMO_TOKENS.member}`);
    });

    it.each([
      [{ first: 0 }, '`first` must be between 1 and 100 (got 0).'],
      [{ first: 101 }, '`first` must be between 1 and 100 (got 101).'],
      [{ first: 2, after: 'bm9wZQ' }, '`after` is not a cursor from this connection'],
    ])('refuses %j before any call', async (variables, message) => {
      const response = await send<PageResult>(PAGE, variables);
      expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.message).toContain(message);
      expect(calls()).toEqual([]);
    });

    it('refuses last/before', async () => {
      const response = await send('{ organizations(last: 2) { edges { cursor } } }');
      expect(response.body.errors?.[0]?.message).toContain('Backward pagination');
      expect(calls()).toEqual([]);
    });
  });

  describe('by id', () => {
    it('batches and de-duplicates node/nodes, reuses organizations read earlier in the request, and answers null for an unknown id', async () => {
      const response = await send<{ nodes: ({ iri: string } | null)[]; listed: PageResult['organizations'] }>(
        `query($ids: [ID!]!) { listed: organizations(first: 2) { edges { node { iri } } } nodes(ids: $ids) { ... on Organization { iri name owners { email role } } } }`,
        {
          ids: [
            globalId('/api/organizations/1'),
            globalId('/api/organizations/9'),
            globalId('/api/organizations/9'),
            globalId('/api/organizations/999'),
          ],
        },
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.nodes).toEqual([
        { iri: '/api/organizations/1', name: 'Hydra Organization 1', owners: [{ email: 'ada@example.com', role: 'owner' }] },
        { iri: '/api/organizations/9', name: 'Hydra Organization 9', owners: [{ email: 'ada@example.com', role: 'owner' }] },
        { iri: '/api/organizations/9', name: 'Hydra Organization 9', owners: [{ email: 'ada@example.com', role: 'owner' }] },
        null,
      ]);
      expect(
        calls()
          .map((call) => `${call.method} ${call.path}`)
          .sort(),
      ).toEqual(['GET /api/organizations', 'GET /api/organizations/9', 'GET /api/organizations/999']);
    });

    it('embeds owners and members with no extra call', async () => {
      const response = await send<{ organization: unknown }>(
        `query($id: ID!) { organization(id: $id) { name createdAt updatedAt owners { id email name role joinedAt } members { id email name role } } }`,
        { id: globalId('/api/organizations/3') },
      );
      expect(response.body.data!.organization).toEqual({
        name: 'Hydra Organization 3',
        createdAt: '2026-01-01T03:00:00.000Z',
        updatedAt: '2026-01-01T03:00:00.000Z',
        owners: [{ id: 'usr-admin', email: 'ada@example.com', name: 'Ada Admin', role: 'owner', joinedAt: '2026-01-01T03:00:00.000Z' }],
        members: [{ id: 'usr-member', email: 'max@example.com', name: null, role: 'member' }],
      });
      expect(calls()).toHaveLength(1);
    });

    it('never calls a path outside /api/organizations/ for an id whose IRI is elsewhere', async () => {
      const response = await send<{ organization: unknown }>(`query($id: ID!) { organization(id: $id) { name } }`, {
        id: globalId('/api/users/1'),
      });
      expect(response.body.data).toEqual({ organization: null });
      expect(calls()).toEqual([]);
    });
  });

  describe('mutations', () => {
    const CREATE =
      'mutation($name: String!) { createOrganization(input: { name: $name }) { organization { id iri name owners { email role } } userErrors { field message code } } }';

    it('creates with POST application/ld+json {name}; the caller is the sole owner', async () => {
      const response = await send<{ createOrganization: { organization: { iri: string; owners: unknown[] } } }>(CREATE, {
        name: 'New Org',
      });
      expect(response.body.data!.createOrganization).toEqual({
        organization: {
          id: globalId('/api/organizations/61'),
          iri: '/api/organizations/61',
          name: 'New Org',
          owners: [{ email: 'ada@example.com', role: 'owner' }],
        },
        userErrors: [],
      });
      const [call] = calls();
      expect(call).toMatchObject({ method: 'POST', path: '/api/organizations', body: { name: 'New Org' } });
      expect(call!.headers['content-type']).toBe('application/ld+json');
    });

    it("turns a 422's violations into userErrors at input.<propertyPath>", async () => {
      const response = await send<{ createOrganization: unknown }>(CREATE, { name: 'x'.repeat(300) });
      expect(response.body.data!.createOrganization).toEqual({
        organization: null,
        userErrors: [
          { field: ['input', 'name'], message: 'This value is too long. It should have 255 characters or less.', code: 'INVALID' },
        ],
      });
    });

    it('maps a 400 to an INVALID userError without passing the problem document through', async () => {
      upstream.injectFault({ kind: 'status', status: 400, body: { title: 'Bad Request', detail: 'internal parser state 0xdead' } });
      const response = await send<{ createOrganization: { userErrors: { message: string; code: string }[] } }>(CREATE, { name: 'Fine' });
      expect(response.body.data!.createOrganization.userErrors).toEqual([
        { field: null, message: 'The organizations API rejected the input as invalid; check the values sent.', code: 'INVALID' },
      ]);
      expect(JSON.stringify(response.body)).not.toContain('0xdead');
    });

    it('updates with a merge patch of only the set fields', async () => {
      const response = await send<{ updateOrganization: unknown }>(
        `mutation($id: ID!) { updateOrganization(input: { id: $id, name: "Renamed" }) { organization { name updatedAt } userErrors { code } } }`,
        { id: globalId('/api/organizations/2') },
      );
      expect(response.body.data!.updateOrganization).toMatchObject({ organization: { name: 'Renamed' }, userErrors: [] });
      const [call] = calls();
      expect(call).toMatchObject({ method: 'PATCH', path: '/api/organizations/2', body: { name: 'Renamed' } });
      expect(call!.headers['content-type']).toBe('application/merge-patch+json');
    });

    it('answers NO_CHANGES for an update with nothing to change, before any call', async () => {
      const response = await send<{ updateOrganization: unknown }>(
        `mutation($id: ID!) { updateOrganization(input: { id: $id }) { userErrors { code field } } }`,
        {
          id: globalId('/api/organizations/2'),
        },
      );
      expect(response.body.data!.updateOrganization).toEqual({ userErrors: [{ code: 'NO_CHANGES', field: ['input'] }] });
      expect(calls()).toEqual([]);
    });

    it('maps 404 on update and delete to a NOT_FOUND userError', async () => {
      const id = globalId('/api/organizations/404');
      const update = await send<{ updateOrganization: unknown }>(
        `mutation($id: ID!) { updateOrganization(input: { id: $id, name: "X" }) { userErrors { code field } } }`,
        { id },
      );
      expect(update.body.data!.updateOrganization).toEqual({ userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
      const remove = await send<{ deleteOrganization: unknown }>(
        `mutation($id: ID!) { deleteOrganization(input: { id: $id }) { deletedId userErrors { code } } }`,
        { id },
      );
      expect(remove.body.data!.deleteOrganization).toEqual({ deletedId: null, userErrors: [{ code: 'NOT_FOUND' }] });
    });

    it('deletes with DELETE (204) and answers the deleted id; a member gets FORBIDDEN', async () => {
      const id = globalId('/api/organizations/6');
      const denied = await send(`mutation($id: ID!) { deleteOrganization(input: { id: $id }) { deletedId } }`, { id }, DEMO_TOKENS.member);
      expect(denied.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
      const response = await send<{ deleteOrganization: unknown }>(
        `mutation($id: ID!) { deleteOrganization(input: { id: $id }) { deletedId userErrors { code } } }`,
        { id },
      );
      expect(response.body.data!.deleteOrganization).toEqual({ deletedId: id, userErrors: [] });
      expect(calls().map((call) => `${call.method} ${call.path}`)).toEqual(['DELETE /api/organizations/6', 'DELETE /api/organizations/6']);
      const after = await send<{ organization: unknown }>(`query($id: ID!) { organization(id: $id) { name } }`, { id });
      expect(after.body.data).toEqual({ organization: null });
    });
  });

  it("serves only Hydra's operations", async () => {
    const response = await send<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      '{ __schema { mutationType { fields { name } } } }',
    );
    expect(response.body.data!.__schema.mutationType.fields.map((field) => field.name).sort()).toEqual([
      'createOrganization',
      'deleteOrganization',
      'updateOrganization',
    ]);
  });
});

describe('Hydra dialect against the reference upstream (hydra: spelling)', () => {
  let reference: HydraReferenceUpstream;
  let gateway: GatewayHandle;
  beforeAll(async () => {
    reference = await startHydraReferenceUpstream();
    gateway = await startGateway(reference.url, { dialect: hydra });
  });
  afterAll(async () => {
    await gateway?.close();
    await reference?.close();
  });
  afterEach(() => {
    reference.received.length = 0;
    reference.collectionStatus = undefined;
  });

  const send = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(gateway.url, query, variables, { token: REFERENCE_TOKEN });

  it('reads hydra:member, hydra:totalItems and hydra:view/hydra:next', async () => {
    const first = await send<PageResult>(PAGE, { first: 2 });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.organizations.totalCount).toBe(5);
    expect(first.body.data!.organizations.edges.map((edge) => edge.node)).toEqual([
      { id: globalId('/api/organizations/acme%20corp'), iri: '/api/organizations/acme%20corp', upstreamId: null, name: 'ACME CORP' },
      { id: globalId('/api/organizations/beta%2Fgamma'), iri: '/api/organizations/beta%2Fgamma', upstreamId: null, name: 'BETA/GAMMA' },
    ]);
    expect(first.body.data!.organizations.pageInfo.hasNextPage).toBe(true);
    const last = await send<PageResult>(PAGE, { first: 2, after: 'Y3Vyc29yOm8z' });
    expect(last.body.data!.organizations.edges.map((edge) => edge.node.name)).toEqual(['ZETA']);
    expect(last.body.data!.organizations.pageInfo.hasNextPage).toBe(false);
  });

  it('calls by id go to the IRI as one encoded segment', async () => {
    const response = await send<{ organization: { name: string } }>(`query($id: ID!) { organization(id: $id) { name } }`, {
      id: globalId('/api/organizations/beta%2Fgamma'),
    });
    expect(response.body.data).toEqual({ organization: { name: 'BETA/GAMMA' } });
    expect(reference.received.map((call) => call.url)).toEqual(['/api/organizations/beta%2Fgamma']);
  });

  it.each([404, 405])('answers UPSTREAM_UNSUPPORTED when the collection answers %i', async (status) => {
    reference.collectionStatus = status;
    const response = await send<PageResult>(PAGE, { first: 2 });
    expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['UPSTREAM_UNSUPPORTED']);
    expect(response.body.errors?.[0]?.message).toContain('does not list organizations');
    expect(reference.received).toHaveLength(1);
  });
});
