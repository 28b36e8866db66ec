/**
 * The per-request context: the upstream bound to the caller's credentials, the operation's
 * cancellation and logs, and (added by the dialect) typed upstream calls and the request's loaders. Everything here lives exactly as long as one GraphQL request, so nothing
 * fetched with one caller's token can be served to another.
 */
import { GraphQLError } from 'graphql';
import type { YogaInitialContext } from 'graphql-yoga';
import { requestIdOf } from './observability/request-id.js';
import type { UpstreamCallRecord, UpstreamClient } from './upstream/client.js';
import { onClientGone, type BufferedRequest } from './http/node-request.js';
import type { MutationOutcome } from './graphql/mutation-outcomes.js';
import { OperationCancellation } from './upstream/cancellation.js';
import { forwardedHeaders } from './upstream/forwarded-headers.js';
import { UpstreamSession } from './upstream/session.js';

/** What every dialect's resolvers get; each dialect adds its typed calls and loaders (src/dialects/dialect.ts). */
export interface GatewayContext {
  /** The upstream bound to this caller; its calls throw UNAUTHENTICATED when the request has no bearer token. */
  readonly upstream: UpstreamSession;
  /** Cancels the operation's upstream calls when the client disconnects or the deadline passes. */
  readonly cancellation: OperationCancellation;
  /** This request's id: logged, sent upstream as `x-request-id` and returned to the client. */
  readonly requestId: string;
  /** Every exchange with the upstream made for this request, for its log line. */
  readonly upstreamCalls: UpstreamCallRecord[];
  /** What each mutation field did upstream, by response name (src/graphql/mutation-outcomes.ts). */
  readonly mutations: Map<string, MutationOutcome>;
  /**
   * Facts a dialect adds to the operation's log line (e.g. EvalGuard's idempotency key and the
   * upstream's request id of a failed call): never shown to the client, never a secret.
   */
  readonly logFields: Record<string, string>;
}

export interface ContextDependencies {
  client: UpstreamClient;
  operationTimeoutMs: number;
  /** Adds the dialect's per-request pieces to the shared context (the request for headers a dialect reads, e.g. `Idempotency-Key`). */
  extend: (shared: GatewayContext, request: Request) => GatewayContext;
}

const BEARER = /^Bearer +[^\s]+$/i;

/**
 * The caller's Authorization header, checked when an upstream call is about to be made (not
 * before: introspection and GraphiQL need no token).
 */
function bearerOf(request: Request): () => string {
  return () => {
    const authorization = request.headers.get('authorization');
    if (!authorization) {
      throw new GraphQLError('This operation needs the organizations API: send your API key as `Authorization: Bearer <token>`.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    if (!BEARER.test(authorization)) {
      throw new GraphQLError('The Authorization header must have the form `Bearer <token>`.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    return authorization;
  };
}

/**
 * yoga merges the returned object into its own context with Object.assign, which copies values
 * (not getters), so everything here is built eagerly; each piece is cheap until it is used.
 */
export function createContextFactory(deps: ContextDependencies) {
  return ({ request }: YogaInitialContext): GatewayContext => {
    // Only upstream calls take time, and the cancellation times the deadline only while calls are
    // in flight (a retry whose backoff would not fit is not made). Operations that never reach the
    // upstream cost no timer and no listener.
    const cancellation = new OperationCancellation(
      Date.now() + deps.operationTimeoutMs,
      (abort) => onClientGone(request as Request | BufferedRequest, abort),
      deps.client.timers,
    );
    const upstreamCalls: UpstreamCallRecord[] = [];
    const upstream = new UpstreamSession(deps.client, bearerOf(request), {
      cancellation,
      forwarded: forwardedHeaders(request),
      calls: upstreamCalls,
      operationSlots: deps.client.operationSlots(),
    });
    return deps.extend(
      { upstream, cancellation, requestId: requestIdOf(request), upstreamCalls, mutations: new Map(), logFields: {} },
      request,
    );
  };
}
