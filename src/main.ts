/**
 * Command-line entry: read the settings, start the built-in demo upstream when no UPSTREAM_URL is
 * set, serve the gateway (in WORKERS processes when more than one), and shut down gracefully on
 * SIGTERM/SIGINT. Everything it says goes to stdout as JSON log lines.
 */
import cluster, { type Address } from 'node:cluster';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, SETTINGS, type Config } from './config.js';
import type { Dialect, RunningDemo } from './dialects/dialect.js';
import { loadDialect } from './dialects/index.js';
import { loadTrustedDocuments, type TrustedDocuments } from './graphql/trusted-documents.js';
import { clusterMetrics, shareWorkerMetrics } from './observability/cluster-metrics.js';
import { batchedStdout, createLogger, type Logger } from './observability/logger.js';
import { GatewayMetrics } from './observability/metrics.js';
import { startTracing, tracingRequested } from './observability/tracing.js';
import { createGateway } from './server.js';
import { UpstreamClient } from './upstream/client.js';
import { isGatewayWorker, superviseWorkers } from './workers.js';

/**
 * How long in-flight operations get to finish after SIGTERM, beyond their own deadline, before
 * their sockets are cut: every operation ends within OPERATION_TIMEOUT_MS, and this covers
 * writing its answer.
 */
const SHUTDOWN_MARGIN_MS = 1_000;

type DemoTokens = Readonly<Record<string, string>>;

/** How long the start-up probe of the upstream waits, as a readiness probe does (src/health.ts). */
const STARTUP_PROBE_TIMEOUT_MS = 2_000;

/**
 * Where a cluster worker finds the demo upstream, which the primary runs once for all workers.
 * Set by the primary only; it is not a setting.
 */
const DEMO_UPSTREAM_VARIABLE = 'ORG_GATEWAY_DEMO_UPSTREAM_URL';

function printHelp(): void {
  const width = Math.max(...SETTINGS.map((setting) => setting.name.length));
  const lines = SETTINGS.map((setting) => `  ${setting.name.padEnd(width)}  ${setting.description} Default: ${setting.default}.`);
  process.stdout.write(
    `org-gateway: a GraphQL gateway in front of an organizations REST API.\n\nUsage: npm start [-- --help]\n\nSettings (environment variables):\n${lines.join('\n')}\n`,
  );
}

async function main(): Promise<void> {
  // When what reads stdout has gone (a pipe into a filter that quit), a write to process.stdout
  // (--help, OpenTelemetry's console exporter) fails with EPIPE; unhandled, that error would end
  // the process before in-flight requests are answered. There is no one left to tell, so carry on.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    printHelp();
    return;
  }

  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nRun \`npm start -- --help\` for every setting and its default.\n`);
      process.exit(1);
    }
    throw error;
  }

  // Read in the primary too, so a bad manifest stops start-up before any worker is forked.
  let trustedDocuments: TrustedDocuments | undefined;
  if (config.trustedDocuments) {
    try {
      trustedDocuments = loadTrustedDocuments(config.trustedDocuments);
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  }

  const dialect = await loadDialect(config.dialect);
  // A worker of another cluster (a process manager's cluster mode) serves alone, forking nothing.
  if (config.workers > 1 && !cluster.isWorker) await runPrimary(config, dialect, trustedDocuments);
  else await serve(config, dialect, trustedDocuments);
}

/** WORKERS above 1: the demo upstream (if any) and the workers, no gateway of its own. */
async function runPrimary(config: Config, dialect: Dialect, trustedDocuments: TrustedDocuments | undefined): Promise<void> {
  const logger = createLogger(config.logLevel);
  // The demo's modules are loaded only when it runs: a gateway in front of a real API keeps none of
  // the demo in memory.
  const demo = config.upstreamUrl ? undefined : await dialect.startDemo();
  const tokens = demo ? await dialect.demoTokens() : undefined;
  superviseWorkers({
    workers: config.workers,
    logger,
    output: batchedStdout(),
    env: demo ? { [DEMO_UPSTREAM_VARIABLE]: demo.url } : {},
    onListening: (address: Address) =>
      logStartup(logger, config, dialect, {
        port: address.port,
        demo: demo && tokens ? { url: demo.url, tokens } : undefined,
        trustedDocuments,
      }),
    onStopped: async () => demo?.close(),
  });
}

/** One gateway process: the whole gateway with WORKERS=1, or one cluster worker. */
async function serve(config: Config, dialect: Dialect, trustedDocuments: TrustedDocuments | undefined): Promise<void> {
  const logger = createLogger(config.logLevel);
  const tracing = await startTracing();

  let demo: RunningDemo | undefined;
  let upstreamUrl = config.upstreamUrl;
  const worker = isGatewayWorker();
  if (!upstreamUrl && worker) {
    const url = process.env[DEMO_UPSTREAM_VARIABLE];
    if (!url) throw new Error(`a cluster worker without UPSTREAM_URL needs ${DEMO_UPSTREAM_VARIABLE} from the primary`);
    upstreamUrl = new URL(url);
  } else if (!upstreamUrl) {
    demo = await dialect.startDemo();
    upstreamUrl = new URL(demo.url);
  }
  const tokens = config.upstreamUrl ? undefined : await dialect.demoTokens();

  let client: UpstreamClient | undefined;
  const metrics = config.metrics
    ? new GatewayMetrics({
        circuitState: () => client?.circuitState ?? 'closed',
        lastProbe: () => client?.lastProbe,
        ...(worker ? { exposition: clusterMetrics } : {}),
      })
    : undefined;
  if (metrics && worker) shareWorkerMetrics(metrics.registry);
  const origin = upstreamUrl.origin;
  client = new UpstreamClient({
    baseUrl: upstreamUrl,
    wire: dialect.wire,
    ...config.upstream,
    tracing: tracing !== undefined,
    onCall: metrics ? (call) => metrics.recordUpstreamCall(call) : undefined,
    onReachabilityChange: (change) => {
      if (change.reachable) logger.info({ upstream: origin }, `the upstream at ${origin} answers again`);
      else logger.warn({ upstream: origin, cause: change.cause }, `the upstream at ${origin} cannot be reached (${change.cause})`);
    },
  });
  const upstream = client;
  const gateway = createGateway({
    client: upstream,
    dialect,
    logger,
    ...(metrics ? { metrics } : {}),
    tracing: tracing !== undefined,
    ...(trustedDocuments ? { trustedDocuments } : {}),
    operationTimeoutMs: config.operationTimeoutMs,
    ...(tokens?.['admin'] ? { graphiqlHeaders: { Authorization: `Bearer ${tokens['admin']}` } } : {}),
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
  // In a cluster the primary says where the gateway listens, once for all workers.
  if (!worker) {
    const port = (server.address() as AddressInfo).port;
    logStartup(logger, config, dialect, { port, demo: demo && tokens ? { url: demo.url, tokens } : undefined, trustedDocuments });
  }
  // Without traffic nothing would call the upstream; this probe makes an unreachable one show in
  // the log (onReachabilityChange) right after start-up.
  void upstream.probe(STARTUP_PROBE_TIMEOUT_MS).catch(() => undefined);

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
    logger.info({ signal }, `${signal}: finishing in-flight requests, then exiting`);
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

/** Where the gateway listens and what it serves, as log lines: the first thing an operator reads. */
function logStartup(
  logger: Logger,
  config: Config,
  dialect: Dialect,
  started: { port: number; demo: { url: string; tokens: DemoTokens } | undefined; trustedDocuments: TrustedDocuments | undefined },
): void {
  const host =
    config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const origin = `http://${host}:${started.port}`;
  const endpoint = `${origin}/graphql`;
  logger.info(
    {
      endpoint,
      graphiql: config.graphiql,
      metrics: config.metrics ? `${origin}/metrics` : null,
      workers: config.workers,
      dialect: dialect.name,
      upstream: started.demo?.url ?? config.upstreamUrl?.origin,
      tracing: tracingRequested(),
      trustedDocuments: started.trustedDocuments ? { file: config.trustedDocuments, count: started.trustedDocuments.size } : null,
    },
    `org-gateway listening on ${endpoint}${config.graphiql ? ' (open it in a browser for GraphiQL)' : ''}`,
  );
  if (started.demo) {
    const { url, tokens } = started.demo;
    const admin = tokens['admin'];
    logger.info(
      {
        demoUrl: url,
        demoTokens: tokens,
        try: `curl -s ${endpoint} -H 'Authorization: Bearer ${admin}' -H 'Content-Type: application/json' -d '${JSON.stringify({ query: dialect.tryQuery })}'`,
      },
      `upstream: the built-in ${dialect.name} demo API (set UPSTREAM_URL to use a real one); demo token ${admin}, which GraphiQL already sends`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`org-gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
