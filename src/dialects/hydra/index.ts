/**
 * The JSON-LD / Hydra dialect (seed 003): an API Platform organizations API.
 */
import type { GatewayContext } from '../../context.js';
import type { Dialect } from '../dialect.js';
import { OrganizationsApi } from './api.js';
import type { HydraContext } from './context.js';
import { GRAPHIQL_EXAMPLE, schema } from './graphql/schema.js';
import { OrganizationLoaders } from './loaders.js';
import { wire } from './wire.js';

export const hydra: Dialect = {
  name: 'hydra',
  wire,
  schema,
  graphiqlExample: GRAPHIQL_EXAMPLE,
  tryQuery: '{ organizations(first: 3) { totalCount edges { node { iri name } } } }',
  extendContext(shared: GatewayContext): HydraContext {
    const organizations = new OrganizationsApi(shared.upstream);
    return Object.assign(shared, { organizations, loaders: new OrganizationLoaders(organizations) });
  },
  plugins: () => [],
  async startDemo(options) {
    const { startDemoUpstream } = await import('./demo/upstream.js');
    return startDemoUpstream(options);
  },
  demoTokens: async () => (await import('./demo/upstream.js')).DEMO_TOKENS,
};
