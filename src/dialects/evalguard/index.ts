/**
 * The EvalGuard dialect (seed 004): one documented call, an idempotent create.
 */
import type { GatewayContext } from '../../context.js';
import type { Dialect } from '../dialect.js';
import { OrgsApi } from './api.js';
import type { EvalGuardContext } from './context.js';
import { GRAPHIQL_EXAMPLE, schema } from './graphql/schema.js';
import { wire } from './wire.js';

export const evalguard: Dialect = {
  name: 'evalguard',
  wire,
  schema,
  graphiqlExample: GRAPHIQL_EXAMPLE,
  tryQuery: '{ gateway { dialect version } }',
  extendContext(shared: GatewayContext, request: Request): EvalGuardContext {
    return Object.assign(shared, { orgs: new OrgsApi(shared.upstream), idempotencyKeyHeader: request.headers.get('idempotency-key') });
  },
  plugins: () => [],
  async startDemo(options) {
    const { startDemoUpstream } = await import('./demo/upstream.js');
    return startDemoUpstream(options);
  },
  demoTokens: async () => (await import('./demo/upstream.js')).DEMO_TOKENS,
};
