/**
 * A real frontend client against the running gateway: Apollo Client with its normalized cache
 * and its Relay-style pagination helper, the way a React app would page through organizations
 * and create and update one.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/gql.js';
import { DEMO_TOKENS, startStack, type Stack } from './helpers/stack.js';

const OrganizationsPage = graphql(`
  query ApolloOrganizationsPage($first: Int!, $after: String) {
    organizations(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          slug
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CreateOrganization = graphql(`
  mutation ApolloCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        id
        name
        slug
      }
      userErrors {
        message
        field
        code
      }
    }
  }
`);

const UpdateOrganization = graphql(`
  mutation ApolloUpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      organization {
        id
        name
      }
      userErrors {
        message
        code
      }
    }
  }
`);

describe('Apollo Client against the gateway', () => {
  let stack: Stack;
  let client: ApolloClient;
  beforeAll(async () => {
    stack = await startStack();
    client = new ApolloClient({
      link: new HttpLink({ uri: stack.gateway.url, headers: { authorization: `Bearer ${DEMO_TOKENS.admin}` }, fetch }),
      cache: new InMemoryCache({
        typePolicies: { Query: { fields: { organizations: relayStylePagination() } } },
      }),
    });
  });
  afterAll(async () => {
    client.stop();
    await stack.close();
  });

  it('pages through every organization with fetchMore and relayStylePagination, one upstream call per page', async () => {
    stack.upstream.reset();
    const query = client.watchQuery({ query: OrganizationsPage, variables: { first: 40 } });
    const subscription = query.subscribe(() => undefined);
    try {
      let result = await query.refetch();
      let pages = 1;
      while (result.data?.organizations.pageInfo.hasNextPage) {
        await query.fetchMore({ variables: { after: result.data.organizations.pageInfo.endCursor } });
        // relayStylePagination merged the new page into the cached field: read the whole list back.
        result = { ...result, data: client.readQuery({ query: OrganizationsPage, variables: { first: 40 } }) ?? undefined };
        pages += 1;
        if (pages > 10) throw new Error('pagination did not end');
      }
      const edges = result.data!.organizations.edges;
      const ids = edges.map((edge) => edge.node.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(edges.length).toBeGreaterThan(100);
      expect(pages).toBe(Math.ceil(edges.length / 40));
      expect(stack.apiCalls().filter((call) => call.path === '/api/public/organizations')).toHaveLength(pages);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('creates and then updates an organization through mutations, and the cache follows', async () => {
    const created = await client.mutate({ mutation: CreateOrganization, variables: { input: { name: 'Apollo Made' } } });
    expect(created.data!.createOrganization.userErrors).toEqual([]);
    const organization = created.data!.createOrganization.organization!;
    expect(organization.name).toBe('Apollo Made');

    const updated = await client.mutate({
      mutation: UpdateOrganization,
      variables: { input: { id: organization.id, name: 'Apollo Renamed' } },
    });
    expect(updated.data!.updateOrganization).toMatchObject({
      organization: { id: organization.id, name: 'Apollo Renamed' },
      userErrors: [],
    });
    // Normalized by global id: the object created earlier now reads the new name.
    const cached = client.cache.identify({ __typename: 'Organization', id: organization.id });
    expect((client.cache.extract() as Record<string, unknown>)[cached!]).toMatchObject({ name: 'Apollo Renamed' });
  });

  it('shows userErrors to the client instead of throwing', async () => {
    const result = await client.mutate({ mutation: CreateOrganization, variables: { input: { name: '' } } });
    expect(result.data!.createOrganization).toMatchObject({
      organization: null,
      userErrors: [{ code: 'INVALID', field: ['input', 'name'] }],
    });
  });
});
