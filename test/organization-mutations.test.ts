import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from './gql/gql.js';
import { DEMO_TOKENS, errorCodes, startStack, type Stack } from './helpers/stack.js';

const CreateCore = graphql(`
  mutation CreateCore($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        id
        upstreamId
        name
        slug
        onboardingStatus
        embedAllowedOrigins
      }
      userErrors {
        message
        field
        code
      }
    }
  }
`);

const CreateFull = graphql(`
  mutation CreateFull($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        name
        insightsFrequency
        defaultDashboardAccessLevel
        jwtSecret
      }
      userErrors {
        code
      }
    }
  }
`);

const CreateScheduleIfAsked = graphql(`
  mutation CreateScheduleIfAsked($input: CreateOrganizationInput!, $withSchedule: Boolean!) {
    createOrganization(input: $input) {
      organization {
        ...NameAndSchedule
      }
    }
  }
  fragment NameAndSchedule on Organization {
    name
    insightsFrequency @include(if: $withSchedule)
  }
`);

const Update = graphql(`
  mutation Update($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      organization {
        id
        name
        customAiContext
        fullEmbedEnabled
      }
      userErrors {
        message
        field
        code
      }
    }
  }
`);

const AdminAndMemberOrgs = graphql(`
  query AdminAndMemberOrgs {
    organizations(first: 100) {
      edges {
        node {
          id
          upstreamId
          name
          jwtSecret
        }
      }
    }
  }
`);

describe('Mutation.createOrganization', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('sends only the fields the caller set and returns the created organization from one POST', async () => {
    const response = await stack.query(CreateCore, {
      input: { name: 'Acme Rockets', embedAllowedOrigins: ['https://acme.example', 'https://*.acme.example'], skipOnboarding: true },
    });
    expect(response.body.errors).toBeUndefined();
    const payload = response.body.data!.createOrganization;
    expect(payload.userErrors).toEqual([]);
    expect(payload.organization).toMatchObject({
      name: 'Acme Rockets',
      slug: expect.any(String),
      embedAllowedOrigins: ['https://acme.example', 'https://*.acme.example'],
    });
    const calls = stack.apiCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/public/organizations' });
    expect(calls[0]!.body).toEqual({
      name: 'Acme Rockets',
      embedAllowedOrigins: ['https://acme.example', 'https://*.acme.example'],
      skipOnboarding: true,
    });
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${DEMO_TOKENS.admin}`);
    expect(calls[0]!.headers['content-type']).toBe('application/json');
  });

  it('fetches the full organization once when the payload selects fields the create answer lacks', async () => {
    const response = await stack.query(CreateFull, { input: { name: 'Full Fields Inc' } });
    expect(response.body.errors).toBeUndefined();
    const organization = response.body.data!.createOrganization.organization!;
    expect(organization.insightsFrequency).toEqual(expect.any(String));
    expect(organization.defaultDashboardAccessLevel).toEqual(expect.any(String));
    // The creator is admin, and the operation selected jwtSecret: both calls asked for it.
    expect(organization.jwtSecret).toEqual(expect.any(String));
    const calls = stack.apiCalls();
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /api/public/organizations',
      expect.stringMatching(/^GET \/api\/public\/organizations\/[^/]+$/),
    ]);
    expect(calls.every((call) => call.query['include'] === 'jwtSecret')).toBe(true);
  });

  it.each([
    [false, ['POST']],
    [true, ['POST', 'GET']],
  ])('reads a field the create answer lacks through a fragment only when @include(if: %s) selects it', async (withSchedule, methods) => {
    const response = await stack.query(CreateScheduleIfAsked, { input: { name: `Schedule ${String(withSchedule)}` }, withSchedule });
    expect(response.body.errors).toBeUndefined();
    const organization = response.body.data!.createOrganization.organization!;
    expect(organization.name).toBe(`Schedule ${String(withSchedule)}`);
    if (withSchedule) expect(organization.insightsFrequency).toEqual(expect.any(String));
    else expect(organization).not.toHaveProperty('insightsFrequency');
    expect(stack.apiCalls().map((call) => call.method)).toEqual(methods);
  });

  it.each([
    [{ name: '' }, ['input', 'name'], '`name` must not be empty.'],
    [
      { name: 'X', embedAllowedOrigins: ['https://ok.example', 'ftp://nope.example'] },
      ['input', 'embedAllowedOrigins', '1'],
      'is not an allowed origin',
    ],
    [{ name: 'X', embedAllowedOrigins: ['https://example.com/path'] }, ['input', 'embedAllowedOrigins', '0'], 'no path'],
    [{ name: 'X', isBillable: null }, ['input', 'isBillable'], '`isBillable` cannot be null'],
  ])('returns a userError for %j without calling the upstream', async (input, field, message) => {
    const response = await stack.query(CreateCore, { input: input as { name: string } });
    expect(response.body.errors).toBeUndefined();
    const payload = response.body.data!.createOrganization;
    expect(payload.organization).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({ code: 'INVALID', field });
    expect(payload.userErrors[0]!.message).toContain(message);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('turns a slug conflict from the upstream into a CONFLICT userError on the slug field', async () => {
    const first = await stack.query(CreateCore, { input: { name: 'Taken', slug: 'taken-slug' } });
    expect(first.body.data!.createOrganization.userErrors).toEqual([]);
    const second = await stack.query(CreateCore, { input: { name: 'Taken again', slug: 'taken-slug' } });
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data!.createOrganization).toMatchObject({
      organization: null,
      userErrors: [{ code: 'CONFLICT', field: ['input', 'slug'] }],
    });
    expect(stack.apiCalls()).toHaveLength(2);
  });

  it('turns an upstream 400 validation answer into an INVALID userError', async () => {
    stack.upstream.injectFault({
      kind: 'status',
      status: 400,
      body: { error: { title: 'ValidationError', detail: 'customAiContext is too long' } },
      match: { method: 'POST' },
    });
    const response = await stack.query(CreateCore, { input: { name: 'Verbose', customAiContext: 'x'.repeat(50) } });
    expect(response.body.data!.createOrganization).toMatchObject({
      organization: null,
      userErrors: [
        {
          code: 'INVALID',
          field: ['input', 'customAiContext'],
          message: 'The organizations API rejected the input: customAiContext is too long',
        },
      ],
    });
  });

  it('is never retried: an upstream 503 reaches the client after exactly one POST', async () => {
    stack.upstream.injectFault({ kind: 'status', status: 503, match: { method: 'POST' } });
    const response = await stack.query(CreateCore, { input: { name: 'Once Only' } });
    expect(errorCodes(response)).toEqual(['UPSTREAM_ERROR']);
    expect(stack.apiCalls()).toHaveLength(1);
  });
});

describe('Mutation.updateOrganization', () => {
  let stack: Stack;
  let adminOrg: { id: string; upstreamId: string };
  let memberOrg: { id: string; upstreamId: string };
  beforeAll(async () => {
    stack = await startStack();
    const list = await stack.query(AdminAndMemberOrgs, {});
    const nodes = list.body.data!.organizations.edges.map((edge) => edge.node);
    adminOrg = nodes.find((node) => node.jwtSecret)!;
    memberOrg = nodes.find((node) => !node.jwtSecret)!;
    expect(adminOrg).toBeDefined();
    expect(memberOrg).toBeDefined();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.upstream.reset());

  it('PATCHes only the fields set, to the organization the global id names', async () => {
    const response = await stack.query(Update, { input: { id: adminOrg.id, name: 'Renamed', fullEmbedEnabled: true } });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.updateOrganization).toMatchObject({
      organization: { id: adminOrg.id, name: 'Renamed', fullEmbedEnabled: true },
      userErrors: [],
    });
    const calls = stack.apiCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'PATCH', path: `/api/public/organizations/${adminOrg.upstreamId}` });
    expect(calls[0]!.body).toEqual({ name: 'Renamed', fullEmbedEnabled: true });
  });

  it('reports NO_CHANGES when nothing but the id is set', async () => {
    const response = await stack.query(Update, { input: { id: adminOrg.id } });
    expect(response.body.data!.updateOrganization.userErrors).toMatchObject([{ code: 'NO_CHANGES' }]);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('rejects an explicit null, which the upstream cannot store, naming the field', async () => {
    const response = await stack.query(Update, { input: { id: adminOrg.id, customAiContext: null } });
    expect(response.body.data!.updateOrganization.userErrors).toEqual([
      { code: 'INVALID', field: ['input', 'customAiContext'], message: '`customAiContext` cannot be null: omit it to leave it unchanged.' },
    ]);
    expect(stack.apiCalls()).toHaveLength(0);
  });

  it('reports NOT_FOUND on input.id for an organization that does not exist', async () => {
    const id = Buffer.from('Organization:org_nope').toString('base64');
    const response = await stack.query(Update, { input: { id, name: 'Ghost' } });
    expect(response.body.data!.updateOrganization).toMatchObject({
      organization: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }],
    });
  });

  it('answers FORBIDDEN when the caller is a member but not an admin', async () => {
    const response = await stack.query(Update, { input: { id: memberOrg.id, name: 'Not mine' } });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data).toBeNull();
    expect(stack.apiCalls()).toHaveLength(1);
  });
});
