/**
 * Builds the yoga instance: schema, per-request context, error masking and plugins. It exports the
 * instance and never listens; src/main.ts (and the tests) put it behind an HTTP server.
 */
import type { RequestListener } from 'node:http';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createContextFactory, type GatewayContext } from './context.js';
import { maskError } from './graphql/errors.js';
import { useHiddenSchema } from './graphql/hidden-schema.js';
import { useIntrospectionCache } from './graphql/introspection-cache.js';
import { useOperationLimits, type OperationLimits } from './graphql/limits.js';
import { useJitExecution } from './graphql/jit.js';
import { useMutationOutcomes } from './graphql/mutation-outcomes.js';
import { useClearRequestErrors } from './graphql/request-errors.js';
import { LIVENESS_ENDPOINT, useUpstreamReadiness } from './health.js';
import { DEFAULT_MAX_BODY_BYTES, useBodyLimitMessage } from './http/body-limit.js';
import { corsAllowList, useVaryByOrigin } from './http/cors.js';
import { useJsonPostsOnly } from './http/csrf.js';
import { useSelfHostedGraphiQL } from './http/graphiql.js';
import { createRequestListener } from './http/listener.js';
import { useWellFormedRequests } from './http/well-formed.js';
import { useSchemaDownload } from './graphql/sdl-endpoint.js';
import { useTrustedDocuments, type TrustedDocuments } from './graphql/trusted-documents.js';
import { useUpstreamBudget } from './graphql/upstream-budget.js';
import { createLogger, toYogaLogger, type Logger } from './observability/logger.js';
import type { GatewayMetrics } from './observability/metrics.js';
import { useMetricsEndpoint } from './observability/metrics-endpoint.js';
import { useObservability } from './observability/plugin.js';
import type { UpstreamClient } from './upstream/client.js';
import { basedash } from './dialects/basedash/index.js';
import type { Dialect } from './dialects/dialect.js';

export interface GatewayOptions {
  /** The REST client for the configured upstream (one pool for the whole process); it must speak the dialect's wire format. */
  client: UpstreamClient;
  /** Which organizations API the upstream is (src/dialects/). @default basedash */
  dialect?: Dialect;
  /** Deadline for one operation including all its upstream calls. @default 15000 */
  operationTimeoutMs?: number;
  /** Headers GraphiQL starts with, e.g. the demo token. @default none */
  graphiqlHeaders?: Record<string, string>;
  /** How long one upstream probe's result stands before `GET /readyz` starts another (src/health.ts). @default 2000 */
  readinessCacheMs?: number;
  /** Largest request body accepted, in bytes; a larger one gets 413 before it is read. @default 102400 */
  maxBodyBytes?: number;
  /** Bounds on each operation's depth, aliases, tokens, directives and cost (src/graphql/limits.ts). @default DEFAULT_OPERATION_LIMITS */
  limits?: OperationLimits;
  /** Most upstream calls one operation may be able to make, by its bound (src/graphql/upstream-budget.ts); above it, it is refused before any call. @default 200 */
  maxUpstreamCalls?: number;
  /** Exact origins (`https://app.example.com`) whose pages may call the gateway cross-origin (src/http/cors.ts). @default [] (none) */
  corsOrigins?: readonly string[];
  /** Whether a browser GET of /graphql opens GraphiQL. @default true */
  graphiql?: boolean;
  /** Whether introspection is answered; when false, error messages also stop suggesting field and value names. @default true */
  introspection?: boolean;
  /** Structured logs: one line per operation, and yoga's own messages. @default a silent logger */
  logger?: Logger;
  /** Prometheus metrics, served at GET /metrics. @default none (no endpoint) */
  metrics?: GatewayMetrics;
  /** Make OpenTelemetry spans per operation (the SDK must be started, src/observability/tracing.ts). @default false */
  tracing?: boolean;
  /** Run only these trusted documents (src/graphql/trusted-documents.ts). @default any operation */
  trustedDocuments?: TrustedDocuments;
  /**
   * Whether GraphQL POSTs with a JSON body take the lean path (src/http/listener.ts). Off, every
   * request goes through yoga's node adapter; the answers are the same (test/lean-path.test.ts).
   * @default true
   */
  leanPath?: boolean;
}

export type GatewayYoga = YogaServerInstance<Record<string, unknown>, GatewayContext>;

export interface Gateway {
  /** The yoga instance (a fetch handler as well). */
  yoga: GatewayYoga;
  /** The node:http request listener to serve it with: `createServer(gateway.listener)`. */
  listener: RequestListener;
  /** Shutdown has begun: `/readyz` answers 503 from now on, so load balancers send nothing new. */
  drain(): void;
}

const GRAPHQL_ENDPOINT = '/graphql';

export function createGateway(options: GatewayOptions): Gateway {
  let draining = false;
  const yoga = createGatewayYoga(options, () => draining);
  return {
    yoga,
    drain: () => {
      draining = true;
    },
    listener: createRequestListener(yoga as never, {
      endpoint: GRAPHQL_ENDPOINT,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      leanPath: options.leanPath ?? true,
    }),
  };
}

function createGatewayYoga(options: GatewayOptions, draining: () => boolean): GatewayYoga {
  const dialect = options.dialect ?? basedash;
  if (options.client.wire.dialect !== dialect.name) {
    throw new TypeError(
      `the upstream client speaks ${options.client.wire.dialect}, the gateway ${dialect.name}: give the client the dialect's wire`,
    );
  }
  const { schema } = dialect;
  const createContext = createContextFactory({
    client: options.client,
    operationTimeoutMs: options.operationTimeoutMs ?? 15_000,
    extend: (shared, request) => dialect.extendContext(shared, request),
  });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logger = options.logger ?? createLogger('silent');
  const corsOrigins = options.corsOrigins ?? [];
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    context: (initial) => createContext(initial),
    maskedErrors: { maskError },
    logging: toYogaLogger(logger),
    // yoga's GraphiQL loads its assets from unpkg; useSelfHostedGraphiQL serves them from here.
    graphiql: false,
    maxRequestBodySize: maxBodyBytes,
    cors: corsAllowList(corsOrigins),
    // Batched requests (a JSON array of operations) stay off, yoga's default: one request, one operation.
    batching: false,
    landingPage: false,
    healthCheckEndpoint: LIVENESS_ENDPOINT,
    plugins: [
      useObservability({ logger, metrics: options.metrics, tracing: options.tracing }),
      ...(options.metrics ? [useMetricsEndpoint(options.metrics)] : []),
      ...(options.introspection === false ? [] : [useSchemaDownload(schema)]),
      ...(options.graphiql === false
        ? []
        : [
            useSelfHostedGraphiQL({
              endpoint: GRAPHQL_ENDPOINT,
              title: 'org-gateway',
              defaultQuery: dialect.graphiqlExample,
              headers: options.graphiqlHeaders,
            }),
          ]),
      useJsonPostsOnly(),
      useBodyLimitMessage(maxBodyBytes),
      useVaryByOrigin(corsOrigins),
      useOperationLimits(options.limits),
      useClearRequestErrors(),
      ...(options.introspection === false ? [useHiddenSchema()] : []),
      ...(options.trustedDocuments ? [useTrustedDocuments(options.trustedDocuments)] : []),
      useWellFormedRequests(),
      // Before the plugins that prepare execution: a refused operation stops here.
      useUpstreamBudget({ maxUpstreamCalls: options.maxUpstreamCalls }),
      ...dialect.plugins(),
      useMutationOutcomes(),
      ...(options.introspection === false ? [] : [useIntrospectionCache()]),
      useJitExecution(),
      useUpstreamReadiness({
        client: options.client,
        draining,
        ...(options.readinessCacheMs === undefined ? {} : { cacheMs: options.readinessCacheMs }),
      }),
    ],
  });
}
