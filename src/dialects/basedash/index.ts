/**
 * The Basedash dialect (seeds 000–002): the default, and what the gateway fronted first.
 */
import type { GatewayContext } from '../../context.js';
import { useSelectionHint } from '../../graphql/operation-hints.js';
import type { Dialect } from '../dialect.js';
import { OrganizationsApi } from './api.js';
import type { BasedashContext, OperationHints } from './context.js';
import { GRAPHIQL_EXAMPLE, schema } from './graphql/schema.js';
import { OrganizationLoaders } from './loaders.js';
import { PeopleApi, PeopleLoaders } from './people.js';
import { wire } from './wire.js';

export const basedash: Dialect = {
  name: 'basedash',
  wire,
  schema,
  graphiqlExample: GRAPHIQL_EXAMPLE,
  tryQuery: '{ organizations(first: 3) { edges { node { name slug } } } }',
  extendContext(shared: GatewayContext): BasedashContext {
    const organizations = new OrganizationsApi(shared.upstream);
    // Shared by reference: yoga copies the context's properties into its own object, and the
    // loaders must see what the hint plugin writes there.
    const hints: OperationHints = { includeJwtSecret: false };
    return Object.assign(shared, {
      organizations,
      hints,
      loaders: new OrganizationLoaders(organizations, hints),
      people: new PeopleLoaders(new PeopleApi(shared.upstream)),
    });
  },
  plugins: () => [
    useSelectionHint<BasedashContext>('jwtSecret', (context, selected) => {
      context.hints.includeJwtSecret = selected;
    }),
  ],
  async startDemo(options) {
    const { startDemoUpstream } = await import('./demo/upstream.js');
    return startDemoUpstream(options);
  },
  demoTokens: async () => (await import('./demo/seed.js')).DEMO_TOKENS,
};
