/**
 * For the suite every dialect runs (test/shared-behaviour.test.ts): per dialect, one operation that
 * makes exactly one upstream read (none where the API has no reads) and one that makes exactly one
 * upstream write, with the path prefix their calls go to. Operations are plain strings: graphql-codegen
 * checks typed documents against the Basedash schema only.
 */
import type { DialectName } from '../../src/dialects/names.js';

export interface OperationCase {
  query: string;
  variables?: Record<string, unknown>;
  /** Start of the upstream path the call goes to, for fault matching. */
  pathPrefix: string;
  method: 'GET' | 'POST';
}

export interface DialectCase {
  name: DialectName;
  read?: OperationCase;
  write: OperationCase & {
    /** Whether the upstream de-duplicates the write (an idempotency key), so the gateway may send it again. */
    retried: boolean;
  };
}

export const DIALECT_CASES: Record<DialectName, DialectCase> = {
  basedash: {
    name: 'basedash',
    read: { query: '{ organizations(first: 2) { edges { node { id name } } } }', pathPrefix: '/api/public/organizations', method: 'GET' },
    write: {
      query: 'mutation { createOrganization(input: { name: "Shared suite" }) { organization { name } userErrors { code } } }',
      pathPrefix: '/api/public/organizations',
      method: 'POST',
      retried: false,
    },
  },
  hydra: {
    name: 'hydra',
    read: { query: '{ organizations(first: 2) { edges { node { id name } } } }', pathPrefix: '/api/organizations', method: 'GET' },
    write: {
      query: 'mutation { createOrganization(input: { name: "Shared suite" }) { organization { name } userErrors { code } } }',
      pathPrefix: '/api/organizations',
      method: 'POST',
      retried: false,
    },
  },
  evalguard: {
    name: 'evalguard',
    write: {
      query: 'mutation { createOrganization(input: { name: "Shared suite" }) { idempotencyKey userErrors { code } } }',
      pathPrefix: '/api/v1/orgs',
      method: 'POST',
      retried: true,
    },
  },
};
