/**
 * Starts what a test needs over real HTTP on loopback: the demo upstream (which records every
 * request it receives and can inject faults) and the gateway in front of it, both on port 0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import { DEMO_TOKENS } from '../../src/dialects/basedash/demo/seed.js';
import {
  startDemoUpstream,
  type DemoUpstream,
  type DemoUpstreamOptions,
  type RecordedRequest,
} from '../../src/dialects/basedash/demo/upstream.js';
import { basedash } from '../../src/dialects/basedash/index.js';
import { createGateway, type GatewayOptions } from '../../src/server.js';
import { UpstreamClient, type UpstreamClientOptions } from '../../src/upstream/client.js';

export { DEMO_TOKENS };

export interface GatewayHandle {
  url: string;
  /** The gateway's REST client, e.g. to read its circuit state. */
  client: UpstreamClient;
  /** Begins shutdown as SIGTERM does in src/main.ts: /readyz answers 503 from now on. */
  drain(): void;
  close(): Promise<void>;
}

/** Serves the gateway over HTTP on a free loopback port, in front of `upstreamUrl`. */
export async function startGateway(
  upstreamUrl: string,
  options: Partial<Omit<UpstreamClientOptions, 'baseUrl' | 'wire'>> & Omit<GatewayOptions, 'client'> = {},
): Promise<GatewayHandle> {
  const {
    operationTimeoutMs,
    graphiqlHeaders,
    readinessCacheMs,
    maxBodyBytes,
    limits,
    maxUpstreamCalls,
    corsOrigins,
    graphiql,
    introspection,
    logger,
    metrics,
    tracing,
    trustedDocuments,
    leanPath,
    dialect = basedash,
    ...clientOptions
  } = options;
  const client = new UpstreamClient({
    baseUrl: new URL(upstreamUrl),
    wire: dialect.wire,
    ...clientOptions,
    tracing,
    onCall: clientOptions.onCall ?? (metrics ? (call) => metrics.recordUpstreamCall(call) : undefined),
  });
  const gateway = createGateway({
    client,
    dialect,
    ...(operationTimeoutMs === undefined ? {} : { operationTimeoutMs }),
    ...(graphiqlHeaders === undefined ? {} : { graphiqlHeaders }),
    ...(readinessCacheMs === undefined ? {} : { readinessCacheMs }),
    // The client-facing edge (src/server.ts); undefined means the gateway's default.
    maxBodyBytes,
    limits,
    maxUpstreamCalls,
    corsOrigins,
    graphiql,
    introspection,
    // Observability (src/observability/); tracing applies to the client's spans too.
    ...(logger === undefined ? {} : { logger }),
    ...(metrics === undefined ? {} : { metrics }),
    ...(trustedDocuments === undefined ? {} : { trustedDocuments }),
    ...(leanPath === undefined ? {} : { leanPath }),
    tracing,
  });
  const server: Server = createServer(gateway.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    client,
    drain: () => gateway.drain(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.close();
    },
  };
}

export interface Stack {
  upstream: DemoUpstream;
  gateway: GatewayHandle;
  /** Sends an operation to the gateway; the token defaults to the demo admin's (null: no Authorization). */
  query<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<TResult>>;
  /** Requests the upstream received since the last `upstream.reset()`, API calls only. */
  apiCalls(): RecordedRequest[];
  close(): Promise<void>;
}

export interface RequestOptions {
  token?: string | null;
  headers?: Record<string, string>;
  /** Aborts the request, like a client that goes away. @default none */
  signal?: AbortSignal;
}

export interface GraphQLResponse<TResult> {
  status: number;
  body: ExecutionResult<TResult> & {
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
}

export async function startStack(
  options: { upstream?: DemoUpstreamOptions; gateway?: Parameters<typeof startGateway>[1] } = {},
): Promise<Stack> {
  const upstream = await startDemoUpstream(options.upstream);
  const gateway = await startGateway(upstream.url, options.gateway);
  return {
    upstream,
    gateway,
    query: (document, variables, requestOptions) => postGraphQL(gateway.url, print(document), variables, requestOptions),
    apiCalls: () => upstream.requests.filter((request) => request.path.startsWith('/api/')),
    async close() {
      await gateway.close();
      await upstream.close();
    },
  };
}

/** POSTs a GraphQL request as a JSON body, the way frontends and GraphiQL do. */
export async function postGraphQL<TResult>(
  url: string,
  query: string,
  variables?: unknown,
  options: RequestOptions = {},
): Promise<GraphQLResponse<TResult>> {
  const token = options.token === undefined ? DEMO_TOKENS.admin : options.token;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<TResult>['body'] };
}

/** The `extensions.code` of each error, for compact assertions. */
export function errorCodes(response: GraphQLResponse<unknown>): unknown[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.['code']);
}
