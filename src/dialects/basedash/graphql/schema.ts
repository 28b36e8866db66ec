/**
 * Assembles Basedash's schema: imports each type module for its side effects, then builds. Pothos
 * sorts the result, so the printed SDL (schema/basedash.graphql) is stable.
 */
import type { GraphQLObjectType } from 'graphql';
import { encodeNodeId } from '../../../graphql/node-id.js';
import { builder } from './builder.js';
import './organization.js';
import './organization-mutations.js';
import './people.js';
import './people-mutations.js';

export const schema = builder.toSchema();

/**
 * The relay plugin resolves each node's `id` with an async function (it awaits the id getter), so
 * every organization in a page cost a promise and made graphql-jit take its asynchronous path for
 * the whole object: the largest allocation per list operation in an allocation profile. The id is
 * known synchronously, so the built field gets the synchronous equivalent, with the encoder the
 * plugin itself is configured with (src/graphql/builder.ts). test/organizations-query.test.ts checks the ids.
 */
const organizationId = (schema.getType('Organization') as GraphQLObjectType).getFields()['id'];
if (!organizationId) throw new Error('Organization.id is missing from the schema');
organizationId.resolve = (org: { id: string }) => encodeNodeId('Organization', org.id);

/** What GraphiQL opens with: a first page, the fields people look for, and how to get the next one. */
export const GRAPHIQL_EXAMPLE = `# Welcome to org-gateway. Press the run button (or Ctrl+Enter).
# Requests need "Authorization: Bearer <token>" (see the Headers tab below).
# Next page: copy pageInfo.endCursor into $after. Docs: the book icon on the left.
query FirstOrganizations($first: Int = 10, $after: String) {
  organizations(first: $first, after: $after) {
    edges {
      node {
        id
        name
        slug
        onboardingStatus
        insightsFrequency
        trialEndsAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;
