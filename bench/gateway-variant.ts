/**
 * The gateway as src/main.ts builds it (settings from the environment, metrics, logger, upstream
 * client, createGateway) with the lean path of src/http/listener.ts switched on or off by the
 * command line: `gateway-variant.js --lean-path on|off`. Only `npm run bench:lean-path` starts it,
 * so the switch stays out of the gateway's settings. Without main.ts's banner, demo upstream,
 * trusted documents, tracing and V8 flag, so that node runs with its defaults.
 *
 * Needs UPSTREAM_URL. Prints `gateway (lean path on|off) listening on <url>` when ready; exits 0
 * on SIGTERM after closing its server and upstream connections.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/observability/logger.js';
import { GatewayMetrics } from '../src/observability/metrics.js';
import { createGateway } from '../src/server.js';
import { loadDialect } from '../src/dialects/index.js';
import { UpstreamClient } from '../src/upstream/client.js';

function leanPathArgument(argv: readonly string[]): boolean {
  const index = argv.indexOf('--lean-path');
  const value = index < 0 ? undefined : argv[index + 1];
  if (value !== 'on' && value !== 'off')
    throw new Error(`gateway-variant: pass --lean-path on or --lean-path off, got ${JSON.stringify(value)}`);
  return value === 'on';
}

const leanPath = leanPathArgument(process.argv.slice(2));
const config = loadConfig();
if (!config.upstreamUrl) throw new Error('gateway-variant: UPSTREAM_URL must be set');

let client: UpstreamClient | undefined;
const metrics = config.metrics
  ? new GatewayMetrics({ circuitState: () => client?.circuitState ?? 'closed', lastProbe: () => client?.lastProbe })
  : undefined;
const dialect = await loadDialect(config.dialect);
client = new UpstreamClient({
  baseUrl: config.upstreamUrl,
  wire: dialect.wire,
  ...config.upstream,
  tracing: false,
  onCall: metrics ? (call) => metrics.recordUpstreamCall(call) : undefined,
});
const upstream = client;
const gateway = createGateway({
  client: upstream,
  dialect,
  logger: createLogger(config.logLevel),
  ...(metrics ? { metrics } : {}),
  tracing: false,
  operationTimeoutMs: config.operationTimeoutMs,
  maxBodyBytes: config.maxBodyBytes,
  limits: config.limits,
  corsOrigins: config.corsOrigins,
  graphiql: config.graphiql,
  introspection: config.introspection,
  leanPath,
});

const server = createServer(gateway.listener);
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  process.stderr.write(`gateway (lean path ${leanPath ? 'on' : 'off'}) listening on http://${config.host}:${port}/graphql\n`);
});

const stop = () => {
  gateway.drain();
  server.close(() => void upstream.close().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
