/** What Basedash's resolvers find in the context besides the shared pieces. */
import type { GatewayContext } from '../../context.js';
import type { OrganizationsApi } from './api.js';
import type { OrganizationLoaders } from './loaders.js';
import type { PeopleLoaders } from './people.js';

export interface OperationHints {
  /**
   * Whether the operation selects `jwtSecret` anywhere, so every upstream read of this request asks
   * for the secret only when it will be shown.
   */
  includeJwtSecret: boolean;
}

export interface BasedashContext extends GatewayContext {
  /** Typed calls of the organizations endpoints, bound to this caller. */
  readonly organizations: OrganizationsApi;
  /** Per-request reads: organizations by id and list pages, each fetched at most once. */
  readonly loaders: OrganizationLoaders;
  /** Facts about the operation, set before it executes (src/graphql/operation-hints.ts). */
  readonly hints: OperationHints;
  /** Per-request reads of members, groups and AI usage (./people.ts). */
  readonly people: PeopleLoaders;
}
