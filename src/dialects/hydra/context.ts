/** What Hydra's resolvers find in the context besides the shared pieces. */
import type { GatewayContext } from '../../context.js';
import type { OrganizationsApi } from './api.js';
import type { OrganizationLoaders } from './loaders.js';

export interface HydraContext extends GatewayContext {
  readonly organizations: OrganizationsApi;
  readonly loaders: OrganizationLoaders;
}
