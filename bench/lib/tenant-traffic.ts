/**
 * The two callers of `npm run soak -- --tenants`: a well-behaved one (the demo admin token, list
 * pages and lookups by id) and an abusive one (another demo token) whose requests make the upstream
 * answer 500, hang, or fan out to 1,500 calls, and the demo faults that make them do so.
 */
import { DEMO_TOKENS } from '../../src/dialects/basedash/demo/seed.js';
import { globalId, LIST_QUERY, NODES_QUERY } from './scenarios.js';

export const WELL_BEHAVED_TOKEN = DEMO_TOKENS.admin;
export const ABUSER_TOKEN = DEMO_TOKENS.member;

export const headersFor = (token: string): Record<string, string> => ({
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json;q=0.9',
  authorization: `Bearer ${token}`,
});

export interface TenantOperation {
  name: string;
  weight: number;
  body(n: number, random: () => number): string;
  /** For an answer without errors: a problem with its data, or undefined. */
  check(data: Record<string, unknown>): string | undefined;
}

const SEED_SIZE = 120;
const seedId = (index: number) => globalId(`org_${String(index + 1).padStart(4, '0')}`);
const json = (query: string, operationName: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query, operationName, variables });
const NODE_QUERY = `query Node($id: ID!) { node(id: $id) { id ... on Organization { name slug } } }`;

/** What the well-behaved caller sends; the admin token sees every seed organization. */
export function wellBehavedOperations(): TenantOperation[] {
  return [
    {
      name: 'list first 20',
      weight: 4,
      body: () => json(LIST_QUERY, 'OrganizationsPage', { first: 20 }),
      check: (data) => (((data['organizations'] as { edges?: unknown[] } | null)?.edges?.length ?? 0) > 0 ? undefined : 'no edges'),
    },
    {
      name: 'node by id',
      weight: 4,
      body: (_n, random) => json(NODE_QUERY, 'Node', { id: seedId(Math.floor(random() * SEED_SIZE)) }),
      check: (data) => (data['node'] ? undefined : 'node is null'),
    },
    {
      name: 'nodes of 10',
      weight: 2,
      body: (_n, random) =>
        json(NODES_QUERY, 'OrganizationsById', { ids: Array.from({ length: 10 }, () => seedId(Math.floor(random() * SEED_SIZE))) }),
      check: (data) => {
        const nodes = data['nodes'];
        return Array.isArray(nodes) && nodes.length === 10 && nodes.every(Boolean) ? undefined : 'a node is missing';
      },
    },
  ];
}

/**
 * The abuser's upstream ids start with these, so a fault can pick out its failing and hanging calls
 * by path while its fan-out floods (unknown ids: 404, read as null) reach the upstream normally.
 */
const FAILING_PREFIX = 'fail_';
const HANGING_PREFIX = 'hang_';
const ID_PATH = '/api/public/organizations/';

export type AbuseKind = 'failing' | 'hanging' | 'flood';
export const ABUSE_KINDS: readonly AbuseKind[] = ['failing', 'hanging', 'flood'];

export const FLOOD_ALIASES = 15;
export const FLOOD_IDS_PER_ALIAS = 100;

const FLOOD_QUERY = (() => {
  const aliases = Array.from({ length: FLOOD_ALIASES }, (_, i) => i);
  return `query Flood(${aliases.map((i) => `$ids${i}: [ID!]!`).join(', ')}) {\n${aliases.map((i) => `  a${i}: nodes(ids: $ids${i}) { id }`).join('\n')}\n}`;
})();

/** Request `n` of one kind of abuse. */
export function abuseBody(kind: AbuseKind, n: number): string {
  switch (kind) {
    case 'failing':
      return json(NODE_QUERY, 'Node', { id: globalId(`${FAILING_PREFIX}${n}`) });
    case 'hanging':
      return json(NODE_QUERY, 'Node', { id: globalId(`${HANGING_PREFIX}${n}`) });
    case 'flood': {
      // Distinct ids in every alias and every request, so neither the per-request loader nor any
      // cache can fold the 1,500 calls into fewer.
      const variables: Record<string, string[]> = {};
      for (let alias = 0; alias < FLOOD_ALIASES; alias++) {
        variables[`ids${alias}`] = Array.from({ length: FLOOD_IDS_PER_ALIAS }, (_, i) => globalId(`flood_${n}_${alias}_${i}`));
      }
      return JSON.stringify({ query: FLOOD_QUERY, operationName: 'Flood', variables });
    }
  }
}

/**
 * Bodies for `POST /__demo/faults` that last the whole run and match only the abuser's token: its
 * `fail_` lookups answer 500, its `hang_` lookups answer only after `hangMs` (set it beyond every
 * gateway timeout, so the gateway gives up first).
 */
export function abuseFaults(hangMs: number): Record<string, unknown>[] {
  const times = Number.MAX_SAFE_INTEGER;
  return [
    { kind: 'status', status: 500, times, match: { token: ABUSER_TOKEN, pathPrefix: `${ID_PATH}${FAILING_PREFIX}` } },
    { kind: 'delay', ms: hangMs, times, match: { token: ABUSER_TOKEN, pathPrefix: `${ID_PATH}${HANGING_PREFIX}` } },
  ];
}
