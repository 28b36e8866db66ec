/**
 * Prometheus metrics (prom-client), on a registry of the gateway's own so tests and several
 * gateways in one process do not share counters. Labels carry only bounded values: operation
 * names are capped (clients choose them), upstream routes are templates (never ids), and error
 * codes come from a fixed list.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Distinct operation names kept as label values; later ones count as `other`. */
const MAX_OPERATION_LABELS = 200;
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

export type CircuitState = 'closed' | 'open' | 'half-open';
const CIRCUIT_VALUES: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };

export interface MetricsOptions {
  /** Reads the upstream circuit breaker's state when /metrics is scraped. */
  circuitState?: () => CircuitState;
  /** Reads the latest upstream readiness probe (src/health.ts) when /metrics is scraped. */
  lastProbe?: () => { reachable: boolean; at: number } | undefined;
  /** Also export Node.js process metrics (memory, CPU, event loop lag). @default true */
  processMetrics?: boolean;
  /**
   * What GET /metrics serves. A cluster worker passes one that asks the primary for every
   * worker's metrics added up (./cluster-metrics.ts). @default this registry's metrics
   */
  exposition?: () => Promise<string>;
}

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly operations: Counter<'operation' | 'type' | 'outcome'>;
  readonly operationDuration: Histogram<'operation' | 'type'>;
  readonly errors: Counter<'code'>;
  readonly upstreamRequests: Counter<'method' | 'route' | 'status'>;
  readonly upstreamDuration: Histogram<'method' | 'route'>;
  readonly inFlight: Gauge;
  private readonly operationNames = new Set<string>();
  /** The Prometheus text that GET /metrics serves. */
  readonly exposition: () => Promise<string>;

  constructor(options: MetricsOptions = {}) {
    this.exposition = options.exposition ?? (() => this.registry.metrics());
    const registers = [this.registry];
    this.operations = new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations executed, by operation name, type and outcome (ok, error).',
      labelNames: ['operation', 'type', 'outcome'],
      registers,
    });
    this.operationDuration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time to execute a GraphQL operation, all resolvers and upstream calls included.',
      labelNames: ['operation', 'type'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors returned to clients, by extensions.code.',
      labelNames: ['code'],
      registers,
    });
    this.upstreamRequests = new Counter({
      name: 'upstream_requests_total',
      help: 'Calls to the organizations REST API, by method, route template and HTTP status (or the failure kind when there was no answer).',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.upstreamDuration = new Histogram({
      name: 'upstream_request_duration_seconds',
      help: 'Duration of calls to the organizations REST API.',
      labelNames: ['method', 'route'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.inFlight = new Gauge({ name: 'http_requests_in_flight', help: 'HTTP requests being handled now.', registers });
    const circuitState = options.circuitState;
    new Gauge({
      name: 'upstream_circuit_state',
      help: 'State of the circuit breaker in front of the upstream: 0 closed, 1 half-open, 2 open. With several workers, the worst of their circuits.',
      registers,
      aggregator: 'max',
      collect() {
        this.set(circuitState ? CIRCUIT_VALUES[circuitState()] : 0);
      },
    });
    const lastProbe = options.lastProbe;
    new Gauge({
      name: 'upstream_probe_reachable',
      help: "Whether the latest readiness probe reached the upstream (any answer below 500): 1 yes, 0 no or no probe yet. With several workers, 1 only when every worker's latest probe did.",
      registers,
      aggregator: 'min',
      collect() {
        this.set(lastProbe?.()?.reachable ? 1 : 0);
      },
    });
    new Gauge({
      name: 'upstream_probe_timestamp_seconds',
      help: 'When the latest readiness probe of the upstream ended (Unix time); 0 before the first. With several workers, the latest of theirs.',
      registers,
      aggregator: 'max',
      collect() {
        this.set((lastProbe?.()?.at ?? 0) / 1000);
      },
    });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one exchange with the upstream (the REST client's `onCall`). */
  recordUpstreamCall(call: { method: string; route: string; status: number | string; durationMs: number }): void {
    this.upstreamRequests.inc({ method: call.method, route: call.route, status: String(call.status) });
    this.upstreamDuration.observe({ method: call.method, route: call.route }, call.durationMs / 1000);
  }

  /** The label for a client-chosen operation name, bounded so a client cannot blow up the series. */
  operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (name.length > 64) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_LABELS) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
