/** Assembles Hydra's schema; Pothos sorts the result, so schema/hydra.graphql is stable. */
import { builder } from './builder.js';
import './organization.js';
import './mutations.js';

export const schema = builder.toSchema();

/** What GraphiQL opens with: a first page with its owners, and how to get the next one. */
export const GRAPHIQL_EXAMPLE = `# Welcome to org-gateway in front of a JSON-LD / Hydra API. Press the run button (or Ctrl+Enter).
# Requests need "Authorization: Bearer <token>" (see the Headers tab below).
# Next page: copy pageInfo.endCursor into $after. Docs: the book icon on the left.
query FirstOrganizations($first: Int = 10, $after: String) {
  organizations(first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        iri
        name
        createdAt
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
}
`;
