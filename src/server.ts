/**
 * Builds the yoga instance: schema, per-request context, error masking and plugins. It exports the
 * instance and never listens; src/main.ts (and the tests) put it behind an HTTP server.
 */
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createContextFactory, type GatewayContext } from './context.js';
import { maskError } from './graphql/errors.js';
import { useOperationHints } from './graphql/operation-hints.js';
import { schema } from './graphql/schema.js';
import type { UpstreamClient } from './upstream/client.js';

export interface GatewayOptions {
  /** The REST client for the configured upstream (one pool for the whole process). */
  client: UpstreamClient;
  /** Deadline for one operation including all its upstream calls. @default 15000 */
  operationTimeoutMs?: number;
  /** Headers GraphiQL starts with, e.g. the demo token. @default none */
  graphiqlHeaders?: Record<string, string>;
}

/** What GraphiQL opens with: a first page, the fields people look for, and how to get the next one. */
const GRAPHIQL_EXAMPLE = `# Welcome to org-gateway. Press the run button (or Ctrl+Enter).
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

export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;

export function createGateway(options: GatewayOptions): Gateway {
  const createContext = createContextFactory({
    client: options.client,
    operationTimeoutMs: options.operationTimeoutMs ?? 15_000,
  });
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    context: (initial) => createContext(initial),
    maskedErrors: { maskError },
    graphiql: {
      title: 'org-gateway',
      defaultQuery: GRAPHIQL_EXAMPLE,
      ...(options.graphiqlHeaders ? { headers: JSON.stringify(options.graphiqlHeaders, null, 2) } : {}),
    },
    landingPage: false,
    plugins: [useOperationHints()],
  });
}
