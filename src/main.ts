/**
 * Command-line entry: read the settings, start the built-in demo upstream when no UPSTREAM_URL is
 * set, serve the gateway, and shut down gracefully on SIGTERM/SIGINT.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfig, SETTINGS } from './config.js';
import type { DemoUpstream } from './demo/upstream.js';
import { loadTrustedDocuments, type TrustedDocuments } from './graphql/trusted-documents.js';
import { createLogger } from './observability/logger.js';
import { GatewayMetrics } from './observability/metrics.js';
import { startTracing } from './observability/tracing.js';
import { createGateway } from './server.js';
import { UpstreamClient } from './upstream/client.js';

/**
 * How long in-flight operations get to finish after SIGTERM, beyond their own deadline, before
 * their sockets are cut: every operation ends within OPERATION_TIMEOUT_MS, and this covers
 * writing its answer.
 */
const SHUTDOWN_MARGIN_MS = 1_000;

/**
 * How far V8 lets the old generation grow past what survived the last full GC before it runs the
 * next one: 1.5×. V8's own choice varies from run to run between about 1.4× and 4×, and at 4× the
 * gateway's old generation (live heap ~28 MB) reached 115 MB under list-100 load, peak RSS ~228 MB,
 * in one run of three; at 1.5× it stays near 40 MB (peak RSS ~145 MB) with no measurable change
 * in CPU per operation, since little is promoted. Set here rather than on node's command line so
 * that it holds however the gateway is started (Node refuses this flag in NODE_OPTIONS). V8 reads
 * it at every GC; a V8 without the flag only prints a warning.
 *
 * The young generation's size cannot be set here: V8 fixes it before any code runs. `npm start`
 * gives node `--max-semi-space-size=8` (package.json; the bench reads the flags from there), a
 * young generation of 16 MB instead of V8's 32 MB: peak RSS under list load ~145 MB instead of
 * ~155–160 MB, list-of-20 CPU about the same, list-of-100 CPU 18–39 % higher in paired runs (README,
 * Performance, says how to trade back). It also gives `--v8-pool-size=1`: one V8 helper thread (GC
 * and background compilation) instead of four, for a process with one JavaScript thread; paired
 * runs on 2 cores: ~9 MB less peak RSS, 2–5 % less CPU and 4–8 % more throughput (full bench
 * runs alternating the two settings: the lower RSS again, CPU and throughput inconclusive).
 */
const HEAP_GROWING_PERCENT = 50;

function printHelp(): void {
  const width = Math.max(...SETTINGS.map((setting) => setting.name.length));
  const lines = SETTINGS.map((setting) => `  ${setting.name.padEnd(width)}  ${setting.description} Default: ${setting.default}.`);
  process.stdout.write(
    `org-gateway: a GraphQL gateway in front of an organizations REST API.\n\nUsage: npm start [-- --help]\n\nSettings (environment variables):\n${lines.join('\n')}\n`,
  );
}

async function main(): Promise<void> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // When what reads stdout has gone (a pipe into a filter that quit), the next message (e.g. the
  // one shutdown prints) fails with EPIPE; unhandled, that error would end the process with code 1
  // before in-flight requests are answered. There is no one left to tell, so carry on.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    printHelp();
    return;
  }

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nRun \`npm start -- --help\` for every setting and its default.\n`);
      process.exit(1);
    }
    throw error;
  }

  let trustedDocuments: TrustedDocuments | undefined;
  if (config.trustedDocuments) {
    try {
      trustedDocuments = loadTrustedDocuments(config.trustedDocuments);
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  }

  const logger = createLogger(config.logLevel);
  const tracing = await startTracing();

  let demo: DemoUpstream | undefined;
  let demoToken = '';
  let upstreamUrl = config.upstreamUrl;
  if (!upstreamUrl) {
    // Loaded only when it runs: a gateway in front of a real API keeps none of the demo in memory.
    const [{ startDemoUpstream }, { DEMO_TOKENS }] = await Promise.all([import('./demo/upstream.js'), import('./demo/seed.js')]);
    demoToken = DEMO_TOKENS.admin;
    demo = await startDemoUpstream();
    upstreamUrl = new URL(demo.url);
  }

  let client: UpstreamClient | undefined;
  const metrics = config.metrics ? new GatewayMetrics({ circuitState: () => client?.circuitState ?? 'closed', lastProbe: () => client?.lastProbe }) : undefined;
  client = new UpstreamClient({
    baseUrl: upstreamUrl,
    ...config.upstream,
    tracing: tracing !== undefined,
    onCall: metrics ? (call) => metrics.recordUpstreamCall(call) : undefined,
  });
  const upstream = client;
  const gateway = createGateway({
    client: upstream,
    logger,
    ...(metrics ? { metrics } : {}),
    tracing: tracing !== undefined,
    ...(trustedDocuments ? { trustedDocuments } : {}),
    operationTimeoutMs: config.operationTimeoutMs,
    ...(demo ? { graphiqlHeaders: { Authorization: `Bearer ${demoToken}` } } : {}),
    maxBodyBytes: config.maxBodyBytes,
    limits: config.limits,
    maxUpstreamCalls: config.maxUpstreamCalls,
    corsOrigins: config.corsOrigins,
    graphiql: config.graphiql,
    introspection: config.introspection,
  });
  const server = createServer(gateway.listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });

  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const endpoint = `http://${host}:${port}/graphql`;
  const lines = [`org-gateway listening on ${endpoint}${config.graphiql ? ' (open it in a browser for GraphiQL)' : ''}`];
  if (demo) {
    lines.push(
      `Upstream: the built-in demo API at ${demo.url} (set UPSTREAM_URL to use a real one)`,
      `Demo token: ${demoToken}  (GraphiQL already sends it)`,
      `Try: curl -s ${endpoint} -H 'Authorization: Bearer ${demoToken}' -H 'Content-Type: application/json' -d '{"query":"{ organizations(first: 3) { edges { node { name slug } } } }"}'`,
    );
  } else {
    lines.push(`Upstream: ${upstreamUrl.origin}`);
  }
  if (metrics) lines.push(`Metrics: http://${host}:${port}/metrics`);
  if (tracing) lines.push('Tracing: on (OpenTelemetry, configured by the OTEL_* settings)');
  if (trustedDocuments) lines.push(`Trusted documents: ${trustedDocuments.size} from ${config.trustedDocuments}; other operations are refused`);
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  // Answers not yet sent when shutdown starts, and any that arrive on an open keep-alive connection
  // afterwards, carry `Connection: close`: the client stops reusing the connection and Node closes
  // it after the answer, so shutdown does not wait for idle keep-alive sockets to time out.
  const unanswered = new Set<ServerResponse>();
  server.on('request', (_request, response: ServerResponse) => {
    if (stopping) response.setHeader('connection', 'close');
    unanswered.add(response);
    response.once('close', () => unanswered.delete(response));
  });
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    gateway.drain();
    process.stdout.write(`${signal}: finishing in-flight requests, then exiting\n`);
    for (const response of unanswered) if (!response.headersSent) response.setHeader('connection', 'close');
    const force = setTimeout(() => server.closeAllConnections(), config.operationTimeoutMs + SHUTDOWN_MARGIN_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      void Promise.allSettled([upstream.close(), demo?.close(), tracing?.shutdown()]).then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`org-gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
