/** Assembles EvalGuard's schema: `Query.gateway` (shared) and `Mutation.createOrganization`. */
import { builder } from './builder.js';
import './organization.js';

export const schema = builder.toSchema();

/** What GraphiQL opens with: the one operation there is, with a key to show the replay. */
export const GRAPHIQL_EXAMPLE = `# Welcome to org-gateway in front of EvalGuard. Press the run button (or Ctrl+Enter).
# Requests need "Authorization: Bearer <token>" (see the Headers tab below).
# Run it twice: the same idempotencyKey replays the first outcome instead of creating a second organization.
mutation CreateOrganization {
  createOrganization(input: { name: "Acme Labs", idempotencyKey: "graphiql-example-1" }) {
    organization {
      upstreamId
      name
      slug
    }
    idempotencyKey
    userErrors {
      field
      message
      code
    }
  }
}
`;
