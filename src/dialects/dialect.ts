/**
 * The seam between the gateway and one organizations API. A dialect brings, from its own folder:
 * its wire format (media types, error documents, readiness probe path) for the one HTTP module,
 * its typed calls and loaders (added to each request's context), its GraphQL schema, its GraphiQL
 * example and its demo upstream. Everything else (auth forwarding, limits, errors, deadlines,
 * breaker, observability) is the gateway's and the same for all.
 */
import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import type { DemoServerOptions, DemoUpstream } from '../demo/harness.js';
import type { WireFormat } from '../upstream/wire.js';
import type { DialectName } from './names.js';

/** A running demo upstream (the shared harness around the dialect's demo API), as `npm start` and the tests use it. */
export type RunningDemo = DemoUpstream;

export interface Dialect {
  readonly name: DialectName;
  readonly wire: WireFormat;
  readonly schema: GraphQLSchema;
  /** Adds the dialect's per-request pieces (typed calls, loaders) to the shared context, in place; `request` is the caller's HTTP request, for headers a dialect reads. */
  extendContext(shared: GatewayContext, request: Request): GatewayContext;
  /** yoga plugins only this dialect needs (e.g. Basedash's `jwtSecret` hint). */
  plugins(): Plugin[];
  /** What GraphiQL opens with. */
  readonly graphiqlExample: string;
  /** A one-line query for the start-up log's curl example. */
  readonly tryQuery: string;
  /** Starts the built-in demo upstream on loopback (its modules load only then). */
  startDemo(options?: DemoServerOptions): Promise<RunningDemo>;
  /** The demo's bearer tokens by role (`admin` is the one GraphiQL sends), printed at start-up. */
  demoTokens(): Promise<Readonly<Record<string, string>>>;
}
